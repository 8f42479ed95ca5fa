package dev.keyline.memory.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.BillingAccount;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.billing.BillingAccountRepository;
import java.util.Comparator;
import java.util.List;

/** The billing accounts of an {@link InMemoryStorage}. */
final class InMemoryBillingAccountRepository
        extends InMemoryAggregateRepository<BillingAccount, AccountId, BillingAccountSnapshot>
        implements BillingAccountRepository {

    InMemoryBillingAccountRepository(InMemoryStorage storage) {
        super(storage, "billing account", BillingAccountSnapshot.class, BillingAccount::snapshot, BillingAccount::restore);
    }

    @Override
    public List<BillingAccount> overLimit() {
        return table().scan(BillingAccountSnapshot::limitExceeded)
                .sorted(Comparator.comparing(s -> s.id().value())).map(this::restore).toList();
    }
}
