package dev.keyline.tck.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.Area;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import dev.keyline.spi.account.KeyAccountRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A storage provider that passes everything to another one, except that it can hold one command
 * still right after it has loaded a key account: the test arms it, lets another command change the
 * same account meanwhile, then releases the first one, whose save is then stale. A real decorator
 * over a real provider, for concurrency tests of the services.
 */
public final class PausingStorage implements StorageProvider {

    private static final long WAIT_SECONDS = 30;

    private final StorageProvider inner;
    private final AtomicReference<Pause> armed = new AtomicReference<>();
    private final KeyAccountRepository accounts;

    /**
     * @param inner the provider that does the work
     */
    public PausingStorage(StorageProvider inner) {
        this.inner = Require.nonNull(inner, "inner");
        this.accounts = new PausingAccounts(inner.port(KeyAccountRepository.class));
    }

    /**
     * Holds the next key-account load (on any thread) after it has read the account: counts down
     * {@code loaded}, then waits for {@code proceed}.
     *
     * @param loaded counted down once the account is read
     * @param proceed awaited before the load returns
     */
    public void pauseNextLoad(CountDownLatch loaded, CountDownLatch proceed) {
        armed.set(new Pause(Require.nonNull(loaded, "loaded"), Require.nonNull(proceed, "proceed")));
    }

    @Override
    public Transactions transactions() {
        return inner.transactions();
    }

    @Override
    public Outbox outbox() {
        return inner.outbox();
    }

    @Override
    public String name() {
        return "pausing " + inner.name();
    }

    @Override
    public <P> Optional<P> findPort(Class<P> type) {
        if (type == KeyAccountRepository.class) {
            return Optional.of(type.cast(accounts));
        }
        return inner.findPort(type);
    }

    @Override
    public List<Area> areas() {
        return inner.areas();
    }

    private record Pause(CountDownLatch loaded, CountDownLatch proceed) {
    }

    /** The inner key accounts, with the pause after {@link #find(AccountId)}. */
    private final class PausingAccounts implements KeyAccountRepository {

        private final KeyAccountRepository delegate;

        PausingAccounts(KeyAccountRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<KeyAccount> find(AccountId id) {
            Optional<KeyAccount> found = delegate.find(id);
            Pause pause = armed.getAndSet(null);
            if (pause != null) {
                pause.loaded().countDown();
                try {
                    if (!pause.proceed().await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new AssertionError("the paused command was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while paused", e);
                }
            }
            return found;
        }

        @Override
        public void save(KeyAccount aggregate) {
            delegate.save(aggregate);
        }

        @Override
        public String aggregateName() {
            return delegate.aggregateName();
        }

        @Override
        public Stream<KeyAccount> byNetwork(LocalNetworkId network) {
            return delegate.byNetwork(network);
        }

        @Override
        public Stream<KeyAccount> byNetworkAfter(LocalNetworkId network, AccountId after) {
            return delegate.byNetworkAfter(network, after);
        }

        @Override
        public Stream<KeyAccount> byNetworkAndTier(LocalNetworkId network, Tier tier) {
            return delegate.byNetworkAndTier(network, tier);
        }

        @Override
        public Stream<KeyAccount> byIndustry(Industry industry) {
            return delegate.byIndustry(industry);
        }

        @Override
        public Stream<KeyAccount> byTier(Tier tier) {
            return delegate.byTier(tier);
        }

        @Override
        public Stream<KeyAccount> byStatus(AccountStatus status) {
            return delegate.byStatus(status);
        }

        @Override
        public Stream<KeyAccount> byManager(UserId manager) {
            return delegate.byManager(manager);
        }
    }
}
