package dev.keyline.examples.demo;

import dev.keyline.domain.common.Require;

/**
 * One request the {@link CrmReceiver} received, and what it did with it.
 *
 * @param number the request's number at the receiver, from 1
 * @param eventId the event id (from the body when verified, else from the {@code webhook-id} header)
 * @param type the event type (likewise)
 * @param role the audience's role, empty when unset or not trusted
 * @param account the audience's key account, empty when unset or not trusted
 * @param subject the audience's subject line, empty when not trusted
 * @param attempt the delivery attempt the body names; 0 when not trusted
 * @param signatureVerified whether {@code WebhookSignature.verify} accepted the request
 * @param verificationFailure why verification failed, empty when it did not
 * @param outcome what the receiver did
 * @param body the body as received
 */
public record CrmArrival(int number, String eventId, String type, String role, String account, String subject,
        int attempt, boolean signatureVerified, String verificationFailure, Outcome outcome, String body) {

    /** What the receiver did with a request, and so how it answered. */
    public enum Outcome {
        /** Verified and new: the CRM took the event (204). */
        TAKEN(204),
        /** Verified, but the event id was taken before: acknowledged, not taken again (204). */
        REPEAT_ACKNOWLEDGED(204),
        /** Verified, but the CRM could not take it now: Keyline should try again (503). */
        REFUSED_FOR_NOW(503),
        /** The signature did not verify: forged, altered or replayed, never retried (401). */
        UNVERIFIED(401),
        /** Verified, but the body was not JSON (400). */
        UNREADABLE(400);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        /** The HTTP status the receiver answered with. */
        public int status() {
            return status;
        }
    }

    /** Validates the arrival. */
    public CrmArrival {
        Require.positive(number, "number");
        Require.nonNull(eventId, "eventId");
        Require.nonNull(type, "type");
        Require.nonNull(role, "role");
        Require.nonNull(account, "account");
        Require.nonNull(subject, "subject");
        Require.nonNegative(attempt, "attempt");
        Require.nonNull(verificationFailure, "verificationFailure");
        Require.nonNull(outcome, "outcome");
        Require.nonNull(body, "body");
        Require.that(signatureVerified == (outcome != Outcome.UNVERIFIED), "signatureVerified",
                () -> "must be false exactly when the outcome is UNVERIFIED, was " + signatureVerified + " for " + outcome);
    }

    /**
     * A request whose signature did not verify; only its headers are recorded.
     *
     * @param number the request's number
     * @param eventId the {@code webhook-id} header
     * @param type the {@code keyline-event-type} header
     * @param failure why verification failed
     * @return the arrival
     */
    public static CrmArrival unverified(int number, String eventId, String type, String failure) {
        return new CrmArrival(number, eventId, type, "", "", "", 0, false, Require.nonBlank(failure, "failure"),
                Outcome.UNVERIFIED, "");
    }

    /**
     * A verified request whose body was not JSON.
     *
     * @param number the request's number
     * @param eventId the {@code webhook-id} header
     * @param type the {@code keyline-event-type} header
     * @param problem what the JSON parser said
     * @return the arrival
     */
    public static CrmArrival unreadable(int number, String eventId, String type, String problem) {
        return new CrmArrival(number, eventId, type, "", "", "", 0, true, "", Outcome.UNREADABLE,
                Require.nonNull(problem, "problem"));
    }

    /** The HTTP status the receiver answered with. */
    public int status() {
        return outcome.status();
    }
}
