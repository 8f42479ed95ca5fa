package dev.keyline.domain.common;

/**
 * An argument was null, out of range or malformed. The message names the argument and, where it
 * helps, the rejected value.
 */
public class InvalidArgumentException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** The name of the offending argument or field. */
    private final String argument;

    /**
     * @param argument the name of the offending argument or field
     * @param message what was wrong with it
     */
    public InvalidArgumentException(String argument, String message) {
        super(ReasonCode.INVALID_ARGUMENT, Require.nonNull(argument, "argument") + ": " + Require.nonNull(message, "message"));
        this.argument = argument;
    }

    /** {@return the name of the offending argument or field} */
    public String argument() {
        return argument;
    }
}
