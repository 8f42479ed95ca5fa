package org.example.notes;

import dev.keyline.domain.account.AccountId;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.AggregateRepositoryContract;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The notes area's repository contract: Keyline's generic aggregate-repository contract on notes. */
public abstract class NoteRepositoryContract extends AggregateRepositoryContract<Note, NoteId, NoteSnapshot> {

    private static final AtomicLong IDS = new AtomicLong();
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Override
    protected AggregateRepository<Note, NoteId> repository(StorageProvider storage) {
        return storage.port(NoteRepository.class);
    }

    @Override
    protected NoteId newId() {
        return new NoteId("N-" + System.nanoTime() + "-" + IDS.incrementAndGet());
    }

    @Override
    protected Note newAggregate(NoteId id) {
        return Note.write(id, new AccountId("A-NOTED"), "first words", T0);
    }

    @Override
    protected void change(Note aggregate) {
        aggregate.rewrite(aggregate.text() + " and more", T0.plusSeconds(60));
    }

    @Override
    protected NoteSnapshot snapshot(Note aggregate) {
        return aggregate.snapshot();
    }

    @Override
    protected Note restore(NoteSnapshot snapshot) {
        return Note.restore(snapshot);
    }

    @Override
    protected NoteSnapshot corrupt(NoteSnapshot valid) {
        return new NoteSnapshot(valid.id(), valid.version(), valid.account(), " ");
    }
}
