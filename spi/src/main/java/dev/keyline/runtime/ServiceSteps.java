package dev.keyline.runtime;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.AggregateRepository;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps every service command takes, written once: in one transaction of the runtime, load
 * the aggregate, check the actor's access <em>before</em> anything changes, call the domain, save
 * with the version check and write the raised events to the outbox (both through
 * {@link CommandContext#save}). A refused access check or a rejected domain call throws, and the
 * whole command rolls back with nothing written. Every area's services use it:
 * <pre>{@code
 * ServiceSteps steps = ServiceSteps.on(keyline);
 * NoteSnapshot edited = steps.change(notes, id,
 *         (note, ctx) -> requireMayEdit(actor, note),          // access
 *         (note, ctx) -> note.edit(text, ctx.now()),                // the domain call
 *         Note::snapshot);                                          // read after the save
 * }</pre>
 * Immutable and thread-safe.
 */
public final class ServiceSteps {

    /**
     * Checks that the command may touch the loaded aggregate, and throws (for example a
     * {@link dev.keyline.domain.common.NotAuthorisedException}) when not.
     *
     * @param <A> the aggregate type
     */
    @FunctionalInterface
    public interface AccessCheck<A> {

        /**
         * Checks access to {@code aggregate}.
         *
         * @param aggregate the loaded aggregate
         * @param context the command's context
         */
        void check(A aggregate, CommandContext context);
    }

    private final Keyline keyline;

    private ServiceSteps(Keyline keyline) {
        this.keyline = keyline;
    }

    /**
     * The steps on a runtime.
     *
     * @param keyline the runtime whose transactions, clock and outbox the steps use
     * @return the steps
     */
    public static ServiceSteps on(Keyline keyline) {
        return new ServiceSteps(Require.nonNull(keyline, "keyline"));
    }

    /**
     * Loads an aggregate, checks access, calls the domain, saves it with the version check and
     * writes its events, all in one transaction.
     *
     * @param repository the aggregate's repository, of the runtime's storage provider
     * @param id the aggregate's id
     * @param access the access check, run before anything changes
     * @param command the domain call; its result is the step's result
     * @param <A> the aggregate type
     * @param <I> its identifier type
     * @param <R> the result type
     * @return the command's result
     * @throws dev.keyline.domain.common.NotFoundException when there is no aggregate with the id
     */
    public <A extends AggregateRoot<I>, I extends Identifier, R> R change(AggregateRepository<A, I> repository, I id,
            AccessCheck<? super A> access, BiFunction<? super A, CommandContext, ? extends R> command) {
        Require.nonNull(repository, "repository");
        Require.nonNull(id, "id");
        Require.nonNull(access, "access");
        Require.nonNull(command, "command");
        return keyline.execute(ctx -> {
            A aggregate = repository.get(id);
            access.check(aggregate, ctx);
            R result = command.apply(aggregate, ctx);
            ctx.save(repository, aggregate);
            return result;
        });
    }

    /**
     * Like {@link #change(AggregateRepository, Identifier, AccessCheck, BiFunction)}, but the result
     * is read from the aggregate <em>after</em> the save, so a snapshot carries the new version.
     *
     * @param repository the aggregate's repository, of the runtime's storage provider
     * @param id the aggregate's id
     * @param access the access check, run before anything changes
     * @param command the domain call
     * @param result what the step returns, read from the saved aggregate, for example its snapshot
     * @param <A> the aggregate type
     * @param <I> its identifier type
     * @param <R> the result type
     * @return the result
     * @throws dev.keyline.domain.common.NotFoundException when there is no aggregate with the id
     */
    public <A extends AggregateRoot<I>, I extends Identifier, R> R change(AggregateRepository<A, I> repository, I id,
            AccessCheck<? super A> access, BiConsumer<? super A, CommandContext> command,
            Function<? super A, ? extends R> result) {
        Require.nonNull(command, "command");
        Require.nonNull(result, "result");
        A saved = change(repository, id, access, (aggregate, ctx) -> {
            command.accept(aggregate, ctx);
            return aggregate;
        });
        return result.apply(saved);
    }

    /**
     * Loads an aggregate and checks access without changing it, in one transaction, for queries
     * that are confined to what the actor may see.
     *
     * @param repository the aggregate's repository
     * @param id the aggregate's id
     * @param access the access check
     * @param read what to read from the aggregate
     * @param <A> the aggregate type
     * @param <I> its identifier type
     * @param <R> the result type
     * @return what was read
     * @throws dev.keyline.domain.common.NotFoundException when there is no aggregate with the id
     */
    public <A extends AggregateRoot<I>, I extends Identifier, R> R read(AggregateRepository<A, I> repository, I id,
            AccessCheck<? super A> access, BiFunction<? super A, CommandContext, ? extends R> read) {
        Require.nonNull(repository, "repository");
        Require.nonNull(id, "id");
        Require.nonNull(access, "access");
        Require.nonNull(read, "read");
        return keyline.execute(ctx -> {
            A aggregate = repository.get(id);
            access.check(aggregate, ctx);
            return read.apply(aggregate, ctx);
        });
    }

    /**
     * Creates an aggregate (the factory checks access and calls the domain), saves it as new and
     * writes its events, all in one transaction.
     *
     * @param repository the aggregate's repository
     * @param create makes the new aggregate; throws when the actor may not
     * @param result what the step returns, for example the aggregate's snapshot
     * @param <A> the aggregate type
     * @param <I> its identifier type
     * @param <R> the result type
     * @return the result
     */
    public <A extends AggregateRoot<I>, I extends Identifier, R> R create(AggregateRepository<A, I> repository,
            Function<CommandContext, ? extends A> create, Function<? super A, ? extends R> result) {
        Require.nonNull(repository, "repository");
        Require.nonNull(create, "create");
        Require.nonNull(result, "result");
        return keyline.execute(ctx -> {
            A aggregate = Require.nonNull(create.apply(ctx), "created aggregate");
            ctx.save(repository, aggregate);
            return result.apply(aggregate);
        });
    }

    /**
     * Runs a query as a read of its own ({@link dev.keyline.spi.Transactions#read}: no commit, and
     * any write refused), joining the transaction or read already active on this thread.
     *
     * @param query the query
     * @param <T> its result type
     * @return its result
     */
    public <T> T query(Supplier<T> query) {
        Require.nonNull(query, "query");
        return keyline.transactions().read(query::get);
    }
}
