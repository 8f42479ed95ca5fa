package dev.keyline.tck.account;

import dev.keyline.domain.common.Require;
import dev.keyline.spi.Area;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.TransactionalWork;
import dev.keyline.spi.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A storage provider that passes everything to another one and counts its outermost transactions;
 * armed with {@link #crashOnTransaction(int)}, it lets the n-th one do all its work and then fails
 * it before it commits, as a process that dies at that moment would: the work of that transaction
 * rolls back, the ones before it stay committed, and the caller stops there. A real decorator over
 * a real provider, for tests of work that spans several transactions.
 */
public final class CrashingStorage implements StorageProvider {

    private final StorageProvider inner;
    private final CountingTransactions transactions;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger crashOn = new AtomicInteger();

    /**
     * @param inner the provider that does the work
     */
    public CrashingStorage(StorageProvider inner) {
        this.inner = Require.nonNull(inner, "inner");
        this.transactions = new CountingTransactions(inner.transactions());
    }

    /**
     * Restarts the count and fails the {@code n}-th outermost transaction from now, once.
     *
     * @param n counted from 1
     */
    public void crashOnTransaction(int n) {
        Require.positive(n, "n");
        started.set(0);
        crashOn.set(n);
    }

    /** Restarts the count without arming a crash. */
    public void countFromNow() {
        started.set(0);
        crashOn.set(0);
    }

    /** The outermost transactions started since the count was last restarted. */
    public int transactionsStarted() {
        return started.get();
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Outbox outbox() {
        return inner.outbox();
    }

    @Override
    public String name() {
        return "crashing " + inner.name();
    }

    @Override
    public <P> Optional<P> findPort(Class<P> type) {
        return inner.findPort(type);
    }

    @Override
    public List<Area> areas() {
        return inner.areas();
    }

    /** Thrown where the simulated process died. */
    public static final class SimulatedCrash extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SimulatedCrash(int transaction) {
            super("simulated crash before transaction " + transaction + " committed");
        }
    }

    private final class CountingTransactions implements Transactions {

        private final Transactions delegate;

        CountingTransactions(Transactions delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T execute(TransactionalWork<T> work) {
            Require.nonNull(work, "work");
            if (delegate.isActive()) {
                return delegate.execute(work);
            }
            int number = started.incrementAndGet();
            boolean crash = crashOn.compareAndSet(number, 0);
            return delegate.execute(() -> {
                T result = work.execute();
                if (crash) {
                    throw new SimulatedCrash(number);
                }
                return result;
            });
        }

        /** A read writes nothing, so it is neither counted nor crashed. */
        @Override
        public <T> T read(TransactionalWork<T> work) {
            return delegate.read(work);
        }

        @Override
        public boolean isActive() {
            return delegate.isActive();
        }
    }
}
