package org.example.provider;

import dev.keyline.domain.common.Require;
import dev.keyline.spi.Area;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.TransactionalWork;
import dev.keyline.spi.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

// sample:counting-storage:start
/**
 * A host's storage provider: another provider's storage, transactions, outbox and ports, plus a
 * count of the units of work it committed, for the host's health page.
 */
public final class CountingStorage implements StorageProvider {

    private final StorageProvider delegate;
    private final AtomicLong committed = new AtomicLong();
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T execute(TransactionalWork<T> work) {
            boolean outermost = !delegate.transactions().isActive();   // a nested call joins, it does not commit
            T result = delegate.transactions().execute(work);           // throws, and counts nothing, on rollback
            if (outermost) {
                committed.incrementAndGet();
            }
            return result;
        }

        @Override
        public <T> T read(TransactionalWork<T> work) {
            return delegate.transactions().read(work);                 // commits nothing, counts nothing
        }

        @Override
        public boolean isActive() {
            return delegate.transactions().isActive();
        }
    };

    /**
     * A provider over another.
     *
     * @param delegate the provider that stores everything, for example {@code new InMemoryStorage()}
     */
    public CountingStorage(StorageProvider delegate) {
        this.delegate = Require.nonNull(delegate, "delegate");
    }

    /** {@return how many outermost units of work committed} */
    public long committed() {
        return committed.get();
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Outbox outbox() {
        return delegate.outbox();
    }

    @Override
    public String name() {
        return "counting:" + delegate.name();
    }

    @Override
    public <P> Optional<P> findPort(Class<P> type) {
        return delegate.findPort(type);
    }

    @Override
    public List<Area> areas() {
        return delegate.areas();
    }
}
// sample:counting-storage:end
