package dev.keyline.domain.account;

import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact accumulator of each customer's total spend over an assessment window, in integer cents
 * of one currency: one entry per customer (account id, local network, total), however many spend
 * rows were folded into it. Memory grows with the number of customers, never with the number of
 * rows. {@link SpendFold} feeds it from billing's facts; a reader of another source (a spend
 * file, say) may feed it per-customer totals directly.
 *
 * <p>From the totals, {@link #averages(int)} gives per local network the averages the
 * classification rules work on: total / months, rounded half-even to the cent, exactly as
 * {@link SpendAverages#over(java.util.Collection, java.util.Set)} computes them.
 *
 * <p>A customer belongs to one local network: adding it under a second one fails. Not thread-safe.
 */
public final class SpendTotals {

    private static final int EMPTY = -1;

    private final Currency currency;
    private final List<LocalNetworkId> networks = new ArrayList<>();
    private final Map<LocalNetworkId, Integer> networkIndex = new HashMap<>();
    /** Each slot holds {@code hash << 32 | (index + 1)}, 0 when empty: a probe rarely needs to touch the account. */
    private long[] slots;
    private AccountId[] accounts;
    private int[] networkOf;
    private long[] cents;
    private boolean[] counted;
    private int size;

    /**
     * An empty accumulator.
     *
     * @param currency the currency every amount added is in
     */
    public SpendTotals(Currency currency) {
        this(currency, 8);
    }

    /**
     * An empty accumulator with room for {@code expectedCustomers} customers before it grows.
     *
     * @param currency the currency every amount added is in
     * @param expectedCustomers how many customers are expected, not negative
     */
    public SpendTotals(Currency currency, int expectedCustomers) {
        this.currency = Require.nonNull(currency, "currency");
        Require.nonNegative(expectedCustomers, "expectedCustomers");
        int capacity = Math.max(8, expectedCustomers);
        slots = new long[Integer.highestOneBit(capacity) * 4];
        accounts = new AccountId[capacity];
        networkOf = new int[capacity];
        cents = new long[capacity];
        counted = new boolean[capacity];
    }

    /** {@return the currency of every amount} */
    public Currency currency() {
        return currency;
    }

    /** {@return the number of customers counted so far (those with at least one amount added)} */
    public int customers() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (counted[i]) {
                n++;
            }
        }
        return n;
    }

    /**
     * Adds spend to a customer's total.
     *
     * @param account the customer
     * @param network its local network
     * @param amountCents the amount in cents of {@link #currency()}, not negative; 0 still makes the
     *     customer count (with a total of 0)
     * @throws InvalidArgumentException naming {@code facts} when the customer was added under another
     *     network, or its total would no longer fit in a {@code long} of cents
     */
    public void add(AccountId account, LocalNetworkId network, long amountCents) {
        Require.nonNegative(amountCents, "amountCents");
        int i = entry(account, network);
        try {
            cents[i] = Math.addExact(cents[i], amountCents);
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException("facts", "the total spend of account " + account
                    + " exceeds " + Long.MAX_VALUE + " cents");
        }
        counted[i] = true;
    }

    /**
     * Notes that a customer belongs to a network without counting spend for it (for a fact outside
     * the window, which must still agree on the customer's network). A customer only noted has no
     * average.
     *
     * @param account the customer
     * @param network its local network
     * @throws InvalidArgumentException naming {@code facts} when the customer was added under another network
     */
    public void note(AccountId account, LocalNetworkId network) {
        entry(account, network);
    }

    /**
     * Whether the customer was added or noted.
     *
     * @param account the customer
     * @return true when known
     */
    public boolean contains(AccountId account) {
        Require.nonNull(account, "account");
        return find(account, account.hashCode()) != EMPTY;
    }

    /**
     * The averages over a window of {@code months} months, per local network.
     *
     * @param months the number of months in the window, positive
     * @return per network with at least one counted customer, ordered by network code, its
     *     customers' averages (total / months, half-even to the cent), ranked
     */
    public Map<LocalNetworkId, NetworkAverages> averages(int months) {
        Require.positive(months, "months");
        int[] perNetwork = new int[networks.size()];
        for (int i = 0; i < size; i++) {
            if (counted[i]) {
                perNetwork[networkOf[i]]++;
            }
        }
        AccountId[][] ids = new AccountId[networks.size()][];
        long[][] averages = new long[networks.size()][];
        for (int n = 0; n < perNetwork.length; n++) {
            ids[n] = new AccountId[perNetwork[n]];
            averages[n] = new long[perNetwork[n]];
        }
        int[] filled = new int[networks.size()];
        for (int i = 0; i < size; i++) {
            if (counted[i]) {
                int n = networkOf[i];
                ids[n][filled[n]] = accounts[i];
                averages[n][filled[n]] = halfEven(cents[i], months);
                filled[n]++;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < networks.size(); n++) {
            if (perNetwork[n] > 0) {
                order.add(n);
            }
        }
        order.sort(Comparator.comparing(n -> networks.get(n).value()));
        Map<LocalNetworkId, NetworkAverages> result = new LinkedHashMap<>();
        for (int n : order) {
            result.put(networks.get(n), NetworkAverages.ranking(networks.get(n), currency, ids[n], averages[n]));
        }
        return Collections.unmodifiableMap(result);
    }

    /** {@code total / months} rounded half-even, as {@code Money.dividedBy} rounds. */
    static long halfEven(long total, int months) {
        long quotient = total / months;
        long remainder = total % months;
        long twice = remainder * 2; // remainder < months ≤ Integer.MAX_VALUE: no overflow
        if (twice > months || (twice == months && (quotient & 1) == 1)) {
            quotient++;
        }
        return quotient;
    }

    private int entry(AccountId account, LocalNetworkId network) {
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        int hash = account.hashCode();
        int i = find(account, hash);
        int n = networkIndex.computeIfAbsent(network, k -> {
            networks.add(k);
            return networks.size() - 1;
        });
        if (i != EMPTY) {
            if (networkOf[i] != n) {
                throw new InvalidArgumentException("facts", "account " + account + " appears under networks "
                        + networks.get(networkOf[i]) + " and " + network);
            }
            return i;
        }
        if (size == accounts.length) {
            int capacity = accounts.length * 2;
            accounts = Arrays.copyOf(accounts, capacity);
            networkOf = Arrays.copyOf(networkOf, capacity);
            cents = Arrays.copyOf(cents, capacity);
            counted = Arrays.copyOf(counted, capacity);
        }
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        i = size++;
        accounts[i] = account;
        networkOf[i] = n;
        place(hash, i);
        return i;
    }

    private int find(AccountId account, int hash) {
        int h = spread(hash);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long v = slots[s];
            if (v == 0) {
                return EMPTY;
            }
            int i = (int) v - 1;
            if ((int) (v >>> 32) == h && accounts[i].equals(account)) {
                return i;
            }
        }
    }

    /** Puts entry {@code index} into the first free slot for its hash. */
    private void place(int hash, int index) {
        int h = spread(hash);
        int mask = slots.length - 1;
        int s = h & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = ((long) h << 32) | (index + 1L);
    }

    private void rehash(int capacity) {
        slots = new long[capacity];
        for (int i = 0; i < size; i++) {
            place(accounts[i].hashCode(), i);
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
