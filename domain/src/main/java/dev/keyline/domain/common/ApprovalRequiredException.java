package dev.keyline.domain.common;

/** The approvals a rule requires are missing; nothing was changed. */
public class ApprovalRequiredException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public ApprovalRequiredException(String message) {
        super(ReasonCode.APPROVAL_REQUIRED, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public ApprovalRequiredException(String message, Throwable cause) {
        super(ReasonCode.APPROVAL_REQUIRED, message, cause);
    }
}
