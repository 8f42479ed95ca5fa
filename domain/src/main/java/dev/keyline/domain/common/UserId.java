package dev.keyline.domain.common;

/**
 * The id of a person acting on Keyline (an account manager, a financial manager, a station
 * executor); the host's own user id.
 *
 * @param value the host's user id
 */
public record UserId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the host's user id
     */
    public UserId {
        Identifier.check(value, "userId");
    }

    @Override
    public String toString() {
        return value;
    }
}
