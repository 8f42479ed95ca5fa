/**
 * Notifications as signed JSON over HTTP: {@link dev.keyline.webhook.WebhookSink} posts each
 * notification to a receiver's URL, signed as the Standard Webhooks specification says, and
 * {@link dev.keyline.webhook.WebhookSignature} lets the receiver check that a request came from the
 * sink and is recent (any Standard Webhooks library can check it too). A
 * {@link dev.keyline.webhook.WebhookSecret} is the key the two share, written {@code whsec_…}.
 *
 * <p>Only the JDK's {@link java.net.http.HttpClient} is used for HTTP; Jackson writes the body.
 */
package dev.keyline.webhook;
