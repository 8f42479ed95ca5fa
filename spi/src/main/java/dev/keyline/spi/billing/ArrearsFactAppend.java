package dev.keyline.spi.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of an append to the arrears-fact ledger that {@link ArrearsFactRepository} describes,
 * written once so that every provider applies them alike: a provider hands in the facts and two
 * look-ups of what it has stored, and gets back the facts it must insert (bills before their
 * settlements, facts already stored left out), or the exception that rejects the whole call.
 */
public final class ArrearsFactAppend {

    private ArrearsFactAppend() {
    }

    /**
     * A bill of one account: bill ids are unique per account.
     *
     * @param account the account
     * @param bill the bill
     */
    public record BillKey(AccountId account, BillId bill) {

        /**
         * Validates the key.
         *
         * @param account the account
         * @param bill the bill
         */
        public BillKey {
            Require.nonNull(account, "account");
            Require.nonNull(bill, "bill");
        }

        /**
         * The bill a fact is about.
         *
         * @param fact the fact
         * @return its key
         */
        public static BillKey of(ArrearsFact fact) {
            Require.nonNull(fact, "fact");
            return new BillKey(fact.account(), fact.bill());
        }
    }

    /**
     * Checks facts to be appended against each other and against the stored ledger.
     *
     * @param facts the facts of one append call, in any order
     * @param storedFacts given fact ids, the stored facts among them
     * @param storedFactsOfBills given bills, every stored fact about them
     * @return the facts to insert, each bill before its settlements
     */
    public static List<ArrearsFact> check(List<ArrearsFact> facts,
            Function<Set<ArrearsFactId>, Map<ArrearsFactId, ArrearsFact>> storedFacts,
            Function<Set<BillKey>, List<ArrearsFact>> storedFactsOfBills) {
        List<ArrearsFact> given = Require.nonNullElements(facts, "facts");
        Require.nonNull(storedFacts, "storedFacts");
        Require.nonNull(storedFactsOfBills, "storedFactsOfBills");
        if (given.isEmpty()) {
            return List.of();
        }
        Map<ArrearsFactId, ArrearsFact> inCall = new LinkedHashMap<>();
        for (ArrearsFact fact : given) {
            ArrearsFact earlier = inCall.putIfAbsent(fact.id(), fact);
            if (earlier != null && !earlier.equals(fact)) {
                throw new AlreadyExistsException("arrears fact " + fact.id() + " appears twice in one append with "
                        + "different content; a fact is never overwritten");
            }
        }
        Map<ArrearsFactId, ArrearsFact> stored = Require.nonNull(storedFacts.apply(Set.copyOf(inCall.keySet())),
                "storedFacts result");
        List<ArrearsFact> fresh = new ArrayList<>();
        for (ArrearsFact fact : inCall.values()) {
            ArrearsFact old = stored.get(fact.id());
            if (old == null) {
                fresh.add(fact);
            } else if (!old.equals(fact)) {
                throw new AlreadyExistsException("arrears fact " + fact.id() + " is already stored with different "
                        + "content; a fact is never overwritten");
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        Set<BillKey> keys = new HashSet<>();
        fresh.forEach(f -> keys.add(BillKey.of(f)));
        Map<BillKey, ArrearsFact> billed = new LinkedHashMap<>();
        Map<BillKey, Money> settled = new LinkedHashMap<>();
        for (ArrearsFact f : Require.nonNull(storedFactsOfBills.apply(Set.copyOf(keys)), "storedFactsOfBills result")) {
            add(f, billed, settled);
        }
        List<ArrearsFact> bills = new ArrayList<>();
        List<ArrearsFact> settlements = new ArrayList<>();
        for (ArrearsFact f : fresh) {
            if (f.kind() == ArrearsFactKind.BILLED) {
                ArrearsFact other = billed.get(BillKey.of(f));
                if (other != null) {
                    throw new AlreadyExistsException("bill " + f.bill() + " of " + f.account() + " is already billed by "
                            + "fact " + other.id() + "; fact " + f.id() + " cannot bill it again");
                }
                billed.put(BillKey.of(f), f);
                bills.add(f);
            } else {
                settlements.add(f);
            }
        }
        for (ArrearsFact f : settlements) {
            ArrearsFact bill = billed.get(BillKey.of(f));
            if (bill == null) {
                throw new NotFoundException("arrears fact " + f.id() + " settles bill " + f.bill() + " of " + f.account()
                        + ", which is neither stored nor billed in the same append");
            }
            if (f.on().isBefore(bill.on())) {
                throw new InvalidArgumentException("facts", "arrears fact " + f.id() + " is dated " + f.on()
                        + ", before bill " + f.bill() + " of " + bill.on());
            }
            if (!f.amount().currency().equals(bill.amount().currency())) {
                throw new InvalidArgumentException("facts", "arrears fact " + f.id() + " is in " + f.amount().currency()
                        + ", bill " + f.bill() + " in " + bill.amount().currency());
            }
            add(f, billed, settled);
            Money total = settled.get(BillKey.of(f));
            if (total.isGreaterThan(bill.amount())) {
                throw new InvalidStateException("arrears fact " + f.id() + " would settle " + total + " of bill " + f.bill()
                        + " of " + f.account() + ", more than the " + bill.amount() + " billed");
            }
        }
        List<ArrearsFact> ordered = new ArrayList<>(bills);
        ordered.addAll(settlements);
        return List.copyOf(ordered);
    }

    private static void add(ArrearsFact f, Map<BillKey, ArrearsFact> billed, Map<BillKey, Money> settled) {
        if (f.kind() == ArrearsFactKind.BILLED) {
            billed.put(BillKey.of(f), f);
        } else {
            settled.merge(BillKey.of(f), f.amount(), Money::plus);
        }
    }
}
