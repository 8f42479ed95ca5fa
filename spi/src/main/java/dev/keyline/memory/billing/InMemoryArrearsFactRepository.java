package dev.keyline.memory.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.billing.ArrearsFactAppend;
import dev.keyline.spi.billing.ArrearsFactAppend.BillKey;
import dev.keyline.spi.billing.ArrearsFactRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arrears-fact ledger of an {@link InMemoryStorage}: the facts by id, and beside them one row
 * per bill with what was settled on it, written by every fact about the bill, so that two
 * transactions billing the same bill, or settling it beyond its amount together, cannot both
 * commit.
 */
final class InMemoryArrearsFactRepository implements ArrearsFactRepository {

    private static final Comparator<ArrearsFact> BY_DATE = Comparator.comparing(ArrearsFact::on)
            .thenComparing(f -> f.id().value());

    private final InMemoryStorage storage;
    private final InMemoryTable<ArrearsFactId, ArrearsFact> facts;
    private final InMemoryTable<BillKey, Settled> bills;

    /** The settled total of a bill: its row changes with every payment or write-off. */
    private record Settled(dev.keyline.domain.common.Money amount) {
    }

    InMemoryArrearsFactRepository(InMemoryStorage storage) {
        this.storage = storage;
        this.facts = storage.table("arrears fact", ArrearsFact.class);
        this.bills = storage.table("arrears bill", Settled.class);
    }

    @Override
    public boolean append(ArrearsFact fact) {
        Require.nonNull(fact, "fact");
        return appendAll(List.of(fact)) == 1;
    }

    @Override
    public int appendAll(List<ArrearsFact> given) {
        Require.nonNullElements(given, "facts");
        storage.requireActiveTransaction("appending arrears facts");
        List<ArrearsFact> fresh = ArrearsFactAppend.check(given, this::storedFacts, this::storedFactsOfBills);
        for (ArrearsFact fact : fresh) {
            facts.insert(fact.id(), fact);
            BillKey key = BillKey.of(fact);
            if (fact.kind() == dev.keyline.domain.billing.ArrearsFactKind.BILLED) {
                bills.insert(key, new Settled(dev.keyline.domain.common.Money.zero(fact.amount().currency())));
            } else {
                InMemoryTable.Row<Settled> row = bills.findRow(key).orElseThrow();
                bills.update(key, row.version(), new Settled(row.snapshot().amount().plus(fact.amount())));
            }
        }
        return fresh.size();
    }

    @Override
    public Optional<ArrearsFact> find(ArrearsFactId id) {
        Require.nonNull(id, "id");
        return facts.find(id);
    }

    @Override
    public List<ArrearsFact> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return facts.scan(f -> f.account().equals(account)).sorted(BY_DATE).toList();
    }

    private Map<ArrearsFactId, ArrearsFact> storedFacts(Set<ArrearsFactId> ids) {
        Map<ArrearsFactId, ArrearsFact> found = new HashMap<>();
        for (ArrearsFactId id : ids) {
            facts.find(id).ifPresent(f -> found.put(id, f));
        }
        return found;
    }

    private List<ArrearsFact> storedFactsOfBills(Set<BillKey> bills) {
        return facts.scan(f -> bills.contains(BillKey.of(f))).toList();
    }
}
