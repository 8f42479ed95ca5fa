package dev.keyline.domain.account;

import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One local network's customers with their average monthly spend (月均通信消费), held compactly in
 * integer cents and already in ranking order (average descending, then account id ascending), as
 * the classification rules read them. Built by {@link SpendTotals} from a streaming fold
 * ({@link SpendFold}), or from a plain map by {@link #of(LocalNetworkId, Map)}.
 *
 * <p>Immutable. The averages are all in one currency.
 */
public final class NetworkAverages {

    private final LocalNetworkId network;
    private final Currency currency;
    private final AccountId[] accounts;
    private final long[] cents;

    private NetworkAverages(LocalNetworkId network, Currency currency, AccountId[] accounts, long[] cents) {
        this.network = network;
        this.currency = currency;
        this.accounts = accounts;
        this.cents = cents;
    }

    /**
     * Ranks the given averages; the arrays are taken over (not copied), one entry per customer.
     *
     * @param network the network
     * @param currency the averages' currency
     * @param accounts the customers, no one twice
     * @param cents each customer's average in cents, not negative
     * @return the ranked averages
     */
    static NetworkAverages ranking(LocalNetworkId network, Currency currency, AccountId[] accounts, long[] cents) {
        Ranking.sort(accounts, cents);
        return new NetworkAverages(network, currency, accounts, cents);
    }

    /**
     * The averages of a plain map, ranked.
     *
     * @param network the network
     * @param averageMonthlySpend every customer's average monthly spend, not negative, all in one currency
     * @return the ranked averages
     * @throws InvalidArgumentException when a key or value is null, an average is negative or the
     *     currencies differ
     */
    public static NetworkAverages of(LocalNetworkId network, Map<AccountId, Money> averageMonthlySpend) {
        Require.nonNull(network, "network");
        Require.nonNull(averageMonthlySpend, "averageMonthlySpend");
        AccountId[] accounts = new AccountId[averageMonthlySpend.size()];
        long[] cents = new long[accounts.length];
        Currency[] currency = {Money.CNY};
        int[] i = {0};
        averageMonthlySpend.forEach((account, average) -> {
            Require.nonNull(account, "averageMonthlySpend key");
            Require.nonNull(average, "averageMonthlySpend", account);
            Require.nonNegative(average.amount(), "averageMonthlySpend", account);
            if (i[0] == 0) {
                currency[0] = average.currency();
            } else if (!average.currency().equals(currency[0])) {
                throw new InvalidArgumentException("averageMonthlySpend", "holds both " + currency[0] + " and "
                        + average.currency() + " (at " + account + ")");
            }
            accounts[i[0]] = account;
            cents[i[0]] = average.amount().unscaledValue().longValueExact();
            i[0]++;
        });
        return ranking(network, currency[0], accounts, cents);
    }

    /** {@return the local network} */
    public LocalNetworkId network() {
        return network;
    }

    /** {@return the currency of every average} */
    public Currency currency() {
        return currency;
    }

    /** {@return the number of customers} */
    public int size() {
        return accounts.length;
    }

    /**
     * The customer at a rank.
     *
     * @param rank 0 for the highest average
     * @return the customer
     */
    public AccountId account(int rank) {
        return accounts[rank];
    }

    /**
     * The average at a rank, in cents.
     *
     * @param rank 0 for the highest average
     * @return the average in cents, not negative
     */
    public long averageCents(int rank) {
        return cents[rank];
    }

    /**
     * The average at a rank, as money.
     *
     * @param rank 0 for the highest average
     * @return the average
     */
    public Money average(int rank) {
        return Money.ofCents(cents[rank], currency);
    }

    /**
     * The customer at a rank with its average.
     *
     * @param rank 0 for the highest average
     * @return the ranked account
     */
    public RankedAccount ranked(int rank) {
        return new RankedAccount(accounts[rank], average(rank));
    }

    /**
     * {@return every customer's average, in ranking order, as the map {@link SpendAverages} gives}
     */
    public Map<AccountId, Money> asMap() {
        Map<AccountId, Money> map = new LinkedHashMap<>(accounts.length * 2);
        for (int i = 0; i < accounts.length; i++) {
            map.put(accounts[i], average(i));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "NetworkAverages[" + network + ", " + accounts.length + " customers]";
    }

    /** An in-place sort of parallel arrays by (cents descending, account id ascending). */
    private static final class Ranking {

        private Ranking() {
        }

        static void sort(AccountId[] ids, long[] cents) {
            quicksort(ids, cents, 0, ids.length - 1);
        }

        private static boolean before(AccountId[] ids, long[] cents, int i, long pivotCents, AccountId pivotId) {
            if (cents[i] != pivotCents) {
                return cents[i] > pivotCents;
            }
            return ids[i].value().compareTo(pivotId.value()) < 0;
        }

        private static boolean after(AccountId[] ids, long[] cents, int i, long pivotCents, AccountId pivotId) {
            if (cents[i] != pivotCents) {
                return cents[i] < pivotCents;
            }
            return ids[i].value().compareTo(pivotId.value()) > 0;
        }

        private static void quicksort(AccountId[] ids, long[] cents, int low, int high) {
            while (high - low > 16) {
                int mid = (low + high) >>> 1;
                medianToMid(ids, cents, low, mid, high);
                long pc = cents[mid];
                AccountId pid = ids[mid];
                int i = low;
                int j = high;
                while (i <= j) {
                    while (before(ids, cents, i, pc, pid)) {
                        i++;
                    }
                    while (after(ids, cents, j, pc, pid)) {
                        j--;
                    }
                    if (i <= j) {
                        swap(ids, cents, i++, j--);
                    }
                }
                // recurse into the smaller part, loop on the larger: stack depth stays logarithmic
                if (j - low < high - i) {
                    quicksort(ids, cents, low, j);
                    low = i;
                } else {
                    quicksort(ids, cents, i, high);
                    high = j;
                }
            }
            for (int k = low + 1; k <= high; k++) {
                for (int m = k; m > low && before(ids, cents, m, cents[m - 1], ids[m - 1]); m--) {
                    swap(ids, cents, m, m - 1);
                }
            }
        }

        private static void medianToMid(AccountId[] ids, long[] cents, int a, int b, int c) {
            if (before(ids, cents, b, cents[a], ids[a])) {
                swap(ids, cents, a, b);
            }
            if (before(ids, cents, c, cents[b], ids[b])) {
                swap(ids, cents, b, c);
                if (before(ids, cents, b, cents[a], ids[a])) {
                    swap(ids, cents, a, b);
                }
            }
        }

        private static void swap(AccountId[] ids, long[] cents, int i, int j) {
            AccountId id = ids[i];
            ids[i] = ids[j];
            ids[j] = id;
            long c = cents[i];
            cents[i] = cents[j];
            cents[j] = c;
        }
    }
}
