package dev.keyline.domain.common;

/**
 * Stable reason codes carried by every {@link KeylineException}.
 *
 * <p>Hosts map these codes to HTTP statuses, user messages or alerts, so a code, once published,
 * keeps its meaning. Codes are unique (a test checks this); group prefixes: {@code KL-1xx}
 * invalid input, {@code KL-2xx} state and concurrency, {@code KL-3xx} authority,
 * {@code KL-4xx} business limits, {@code KL-5xx} infrastructure.
 */
public enum ReasonCode {
    /** An argument was null, out of range or malformed. */
    INVALID_ARGUMENT("KL-100"),
    /** Data read from storage or JSON failed validation on restore. */
    CORRUPT_STATE("KL-101"),
    /** Input text (JSON, CSV) could not be parsed. */
    MALFORMED_INPUT("KL-102"),
    /** The command is not allowed in the aggregate's current state. */
    INVALID_STATE("KL-200"),
    /** The referenced entity does not exist. */
    NOT_FOUND("KL-201"),
    /** An entity with the same identity already exists. */
    ALREADY_EXISTS("KL-202"),
    /** The entity was changed by someone else since it was loaded (optimistic concurrency). */
    STALE_VERSION("KL-203"),
    /**
     * A command lost to concurrent changes on every attempt the runtime made (a stale version each
     * time); nothing was written.
     */
    CONCURRENCY_CONFLICT("KL-204"),
    /** The actor may not act on this entity. */
    NOT_AUTHORISED("KL-300"),
    /** The actor's commercial authority does not cover the request. */
    AUTHORITY_EXCEEDED("KL-301"),
    /** The approvals a rule requires are missing. */
    APPROVAL_REQUIRED("KL-302"),
    /** A limit of a service class or agreement would be exceeded. */
    LIMIT_EXCEEDED("KL-400"),
    /** Not enough of a resource or budget is available. */
    INSUFFICIENT_CAPACITY("KL-401"),
    /** A reservation or offer has expired. */
    EXPIRED("KL-402"),
    /** The storage provider failed. */
    STORAGE_FAILURE("KL-500"),
    /** A value could not be converted to or from its stored or wire form. */
    SERIALISATION_FAILURE("KL-501"),
    /** A notification could not be delivered. */
    DELIVERY_FAILURE("KL-502"),
    /** Wiring of the runtime is incomplete or inconsistent. */
    CONFIGURATION("KL-503");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    /** {@return the stable code, for example {@code KL-203}} */
    public String code() {
        return code;
    }
}
