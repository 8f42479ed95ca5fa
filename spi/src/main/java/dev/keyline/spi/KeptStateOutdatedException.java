package dev.keyline.spi;

import dev.keyline.domain.common.StaleVersionException;

/**
 * A transaction loaded an aggregate from a state the provider kept of an earlier commit, without
 * reading the aggregate's row, and that state proved outdated when it was checked (by the
 * versioned save, by a check before the commit, or after the transaction failed): another process
 * saved the aggregate since. Nothing of the transaction was written, and the provider forgot the
 * states it trusted, so the next attempt reads them from the database.
 *
 * <p>It is a {@link StaleVersionException}, so code that runs a command again after a stale
 * version does so here too; {@link dev.keyline.runtime.Keyline#execute} runs the command once more
 * for it without counting the attempt against its stale-version retries, since no concurrent
 * change raced this one: the state loaded was old before the command began.
 */
public class KeptStateOutdatedException extends StaleVersionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which kept state proved outdated, and how it was found
     * @param cause the failure that revealed it, or the one the command would otherwise have
     *     thrown; may be null
     */
    public KeptStateOutdatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
