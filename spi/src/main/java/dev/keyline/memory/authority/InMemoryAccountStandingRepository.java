package dev.keyline.memory.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.AccountStanding;
import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.authority.AccountStandingRepository;
import java.util.Optional;

/** The account standings of an {@link InMemoryStorage}, one row per account. */
final class InMemoryAccountStandingRepository implements AccountStandingRepository {

    private final InMemoryTable<AccountId, AccountStanding> table;

    InMemoryAccountStandingRepository(InMemoryStorage storage) {
        this.table = storage.table("account standing", AccountStanding.class);
    }

    @Override
    public Optional<AccountStanding> find(AccountId account) {
        Require.nonNull(account, "account");
        return table.find(account);
    }

    @Override
    public void put(AccountStanding standing) {
        Require.nonNull(standing, "standing");
        table.save(standing.account(), table.version(standing.account()).orElse(0), standing);
    }
}
