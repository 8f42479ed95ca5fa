package dev.keyline.spi;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.NotFoundException;
import java.util.Optional;

/**
 * What every aggregate's repository offers. Area repositories extend this with the queries
 * their area needs.
 *
 * <p>{@link #save(AggregateRoot)} is optimistic: an aggregate of version 0 is inserted (failing
 * with {@code AlreadyExistsException} when the id is taken); otherwise the stored version must
 * equal the aggregate's version, else {@code StaleVersionException} and nothing is written. On
 * success the stored version is one higher and the repository calls
 * {@link AggregateRoot#markSaved(long)}. A provider may queue the write and send it later in the
 * same transaction (batched with other saves); it then raises these exceptions when it sends it,
 * at the latest when the transaction commits, and the whole transaction rolls back, so still
 * nothing is written. Repositories do not touch the aggregate's pending
 * events; the runtime drains them into the outbox.
 *
 * @param <A> the aggregate type
 * @param <I> its identifier type
 */
public interface AggregateRepository<A extends AggregateRoot<I>, I extends Identifier> {

    /**
     * {@return the aggregate with this id, freshly restored, or empty}
     *
     * @param id the id
     */
    Optional<A> find(I id);

    /**
     * {@return the aggregate with this id, or {@link NotFoundException} naming it}
     *
     * @param id the id
     */
    default A get(I id) {
        return find(id).orElseThrow(() -> new NotFoundException("no " + aggregateName() + " with id " + id.value()));
    }

    /**
     * Inserts or updates with the version check described on the type.
     *
     * @param aggregate the aggregate
     */
    void save(A aggregate);

    /** {@return a short business name of the aggregate type, used in messages} */
    String aggregateName();
}
