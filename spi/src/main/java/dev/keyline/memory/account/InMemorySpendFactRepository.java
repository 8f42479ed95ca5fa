package dev.keyline.memory.account;

import dev.keyline.memory.InMemoryTable;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.account.SpendFactAppend;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The spend-fact ledger of an {@link InMemoryStorage}: the facts by id, and beside them which fact
 * corrects which, so that two transactions correcting the same fact cannot both commit.
 */
final class InMemorySpendFactRepository implements SpendFactRepository {

    private static final Comparator<SpendFact> BY_MONTH = Comparator.comparing(SpendFact::month)
            .thenComparing(SpendFact::recordedAt)
            .thenComparing(f -> f.id().value());

    private static final Comparator<SpendFact> BY_ACCOUNT_AND_MONTH = Comparator
            .comparing((SpendFact f) -> f.account().value())
            .thenComparing(BY_MONTH);

    private final InMemoryStorage storage;
    private final InMemoryTable<SpendFactId, SpendFact> facts;
    private final InMemoryTable<SpendFactId, SpendFactId> corrections;

    InMemorySpendFactRepository(InMemoryStorage storage) {
        this.storage = storage;
        this.facts = storage.table("spend fact", SpendFact.class);
        this.corrections = storage.table("spend fact correction", SpendFactId.class);
    }

    @Override
    public void append(SpendFact fact) {
        Require.nonNull(fact, "fact");
        appendAll(List.of(fact));
    }

    @Override
    public void appendAll(List<SpendFact> given) {
        Require.nonNullElements(given, "facts");
        storage.requireActiveTransaction("appending spend facts");
        List<SpendFact> ordered = SpendFactAppend.check(given, this::storedFacts, this::storedCorrections);
        for (SpendFact fact : ordered) {
            facts.insert(fact.id(), fact);
            fact.corrects().ifPresent(target -> corrections.insert(target, fact.id()));
        }
    }

    @Override
    public Optional<SpendFact> find(SpendFactId id) {
        Require.nonNull(id, "id");
        return facts.find(id);
    }

    @Override
    public List<SpendFact> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return facts.scan(f -> f.account().equals(account)).sorted(BY_MONTH).toList();
    }

    @Override
    public List<SpendFact> byAccountAndMonths(AccountId account, YearMonth from, YearMonth to) {
        Require.nonNull(account, "account");
        checkRange(from, to);
        return facts.scan(f -> f.account().equals(account) && within(f, from, to)).sorted(BY_MONTH).toList();
    }

    @Override
    public Stream<SpendFact> byNetworkAndMonths(LocalNetworkId network, YearMonth from, YearMonth to) {
        Require.nonNull(network, "network");
        checkRange(from, to);
        return facts.scan(f -> f.network().equals(network) && within(f, from, to)).sorted(BY_ACCOUNT_AND_MONTH);
    }

    private Map<SpendFactId, SpendFact> storedFacts(Set<SpendFactId> ids) {
        Map<SpendFactId, SpendFact> found = new HashMap<>();
        for (SpendFactId id : ids) {
            facts.find(id).ifPresent(f -> found.put(id, f));
        }
        return found;
    }

    private Map<SpendFactId, SpendFactId> storedCorrections(Set<SpendFactId> targets) {
        Map<SpendFactId, SpendFactId> found = new HashMap<>();
        for (SpendFactId target : targets) {
            corrections.find(target).ifPresent(c -> found.put(target, c));
        }
        return found;
    }

    private static boolean within(SpendFact fact, YearMonth from, YearMonth to) {
        return !fact.month().isBefore(from) && !fact.month().isAfter(to);
    }

    private static void checkRange(YearMonth from, YearMonth to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidArgumentException("to", "must not be before from (" + from + "), was " + to);
        }
    }
}
