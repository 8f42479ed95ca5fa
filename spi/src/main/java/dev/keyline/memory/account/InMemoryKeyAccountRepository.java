package dev.keyline.memory.account;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.account.KeyAccountRepository;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The key accounts of an {@link InMemoryStorage}, as snapshots in its {@code key account} table. */
final class InMemoryKeyAccountRepository extends InMemoryAggregateRepository<KeyAccount, AccountId, KeyAccountSnapshot>
        implements KeyAccountRepository {

    private static final Comparator<KeyAccountSnapshot> BY_ID = Comparator.comparing(s -> s.id().value());

    InMemoryKeyAccountRepository(InMemoryStorage storage) {
        super(storage, "key account", KeyAccountSnapshot.class, KeyAccount::snapshot, KeyAccount::restore);
    }

    @Override
    public Stream<KeyAccount> byNetwork(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return matching(s -> s.network().equals(network));
    }

    @Override
    public Stream<KeyAccount> byNetworkAfter(LocalNetworkId network, AccountId after) {
        Require.nonNull(network, "network");
        Require.nonNull(after, "after");
        return matching(s -> s.network().equals(network) && s.id().value().compareTo(after.value()) > 0);
    }

    @Override
    public Stream<KeyAccount> byNetworkAndTier(LocalNetworkId network, Tier tier) {
        Require.nonNull(network, "network");
        Require.nonNull(tier, "tier");
        return matching(s -> s.network().equals(network) && s.tier() == tier);
    }

    @Override
    public Stream<KeyAccount> byIndustry(Industry industry) {
        Require.nonNull(industry, "industry");
        return matching(s -> s.industry() == industry);
    }

    @Override
    public Stream<KeyAccount> byTier(Tier tier) {
        Require.nonNull(tier, "tier");
        return matching(s -> s.tier() == tier);
    }

    @Override
    public Stream<KeyAccount> byStatus(AccountStatus status) {
        Require.nonNull(status, "status");
        return matching(s -> s.status() == status);
    }

    @Override
    public Stream<KeyAccount> byManager(UserId manager) {
        Require.nonNull(manager, "manager");
        Optional<UserId> wanted = Optional.of(manager);
        return matching(s -> s.accountManager().equals(wanted));
    }

    private Stream<KeyAccount> matching(Predicate<KeyAccountSnapshot> filter) {
        return table().scan(filter).sorted(BY_ID).map(this::restore);
    }
}
