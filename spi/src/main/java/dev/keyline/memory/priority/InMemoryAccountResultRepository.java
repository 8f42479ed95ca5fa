package dev.keyline.memory.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.priority.AccountResultRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Billing's result facts in an {@link InMemoryStorage}. */
final class InMemoryAccountResultRepository implements AccountResultRepository {

    private static final Comparator<AccountResultFact> BY_TIME = Comparator.comparing(AccountResultFact::recordedAt)
            .thenComparing(f -> f.id().value());
    private static final Comparator<AccountResultFact> BY_ACCOUNT = Comparator
            .comparing((AccountResultFact f) -> f.account().value()).thenComparing(BY_TIME);

    private final InMemoryStorage storage;
    private final InMemoryTable<AccountResultFactId, AccountResultFact> facts;

    InMemoryAccountResultRepository(InMemoryStorage storage) {
        this.storage = storage;
        this.facts = storage.table("account result fact", AccountResultFact.class);
    }

    @Override
    public boolean append(AccountResultFact fact) {
        Require.nonNull(fact, "fact");
        storage.requireActiveTransaction("appending account result facts");
        Optional<AccountResultFact> stored = facts.find(fact.id());
        if (stored.isPresent()) {
            if (stored.get().equals(fact)) {
                return false;
            }
            throw new AlreadyExistsException("account result fact " + fact.id()
                    + " is already stored with other content; a fact is never changed, send a correcting fact under a new id");
        }
        facts.scan(f -> f.account().equals(fact.account()) && f.period().equals(fact.period())
                && f.industry() != fact.industry()).findFirst().ifPresent(f -> {
                    throw new InvalidStateException("account result fact " + fact.id() + " names industry " + fact.industry()
                            + " but account " + fact.account() + " is in " + f.industry() + " in " + fact.period()
                            + " (fact " + f.id() + ")");
                });
        facts.insert(fact.id(), fact);
        return true;
    }

    @Override
    public Optional<AccountResultFact> find(AccountResultFactId id) {
        Require.nonNull(id, "id");
        return facts.find(id);
    }

    @Override
    public List<AccountResultFact> inPeriod(Period period) {
        Require.nonNull(period, "period");
        return facts.scan(f -> f.period().equals(period)).sorted(BY_ACCOUNT).toList();
    }

    @Override
    public List<AccountResultFact> ofAccount(AccountId account, Period period) {
        Require.nonNull(account, "account");
        Require.nonNull(period, "period");
        return facts.scan(f -> f.account().equals(account) && f.period().equals(period)).sorted(BY_TIME).toList();
    }
}
