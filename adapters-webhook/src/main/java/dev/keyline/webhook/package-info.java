/**
 * Notifications as signed JSON over HTTP: {@link dev.keyline.webhook.WebhookSink} posts each
 * notification to a receiver's URL, and {@link dev.keyline.webhook.WebhookSignature} lets the
 * receiver check that a request came from the sink and is recent.
 *
 * <p>Only the JDK's {@link java.net.http.HttpClient} is used for HTTP; Jackson writes the body.
 */
package dev.keyline.webhook;
