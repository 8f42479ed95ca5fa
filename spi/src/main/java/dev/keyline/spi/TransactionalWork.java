package dev.keyline.spi;

/**
 * Work that runs inside one transaction and returns a result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionalWork<T> {

    /**
     * Does the work; any exception rolls the transaction back.
     *
     * @return the work's result
     */
    T execute();
}
