package dev.keyline.benchmarks.storage;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The key-account command mix, the same on every side: for account {@code n}, four commands in four
 * transactions, register it, assign its account manager, activate it, and record six monthly
 * spend facts in one command. Register, assign and activate each raise one event (an outbox row);
 * recording spend raises none.
 */
public final class KeyAccountMix {

    /** Commands per account. */
    public static final int COMMANDS = 4;

    /** Spend facts per account. */
    public static final int FACTS = 6;

    /** Who runs the commands: the general manager, who may do all four. */
    public static final UserId BY = new UserId("gm");

    /** The account manager assigned. */
    public static final UserId MANAGER = new UserId("am-1");

    /** The network of every account. */
    public static final LocalNetworkId NETWORK = new LocalNetworkId("SZ");

    /** The industry of every account. */
    public static final Industry INDUSTRY = Industry.FINANCE;

    /** The first month of the spend facts. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2025, 9);

    private static final Actor ACTOR = Actor.withRoles(BY, Role.GENERAL_MANAGER);

    private final KeyAccounts accounts;

    /**
     * The Keyline side of the mix on a fixture's runtime.
     *
     * @param fixture the fixture
     */
    public KeyAccountMix(Fixture fixture) {
        this(fixture.keyline());
    }

    /**
     * The Keyline side of the mix on any runtime, the in-memory provider's among them.
     *
     * @param keyline the runtime
     */
    public KeyAccountMix(Keyline keyline) {
        this.accounts = KeyAccounts.on(keyline);
    }

    /** The id of account {@code n}. */
    public static String accountId(long n) {
        return Ids.padded("KA-", n);
    }

    /** The customer name of account {@code n}. */
    public static String name(long n) {
        return "Customer " + n;
    }

    /** The id of spend fact {@code i} (0-based) of account {@code n}. */
    public static String factId(long n, int i) {
        return accountId(n) + "-" + i;
    }

    /** The month of spend fact {@code i}. */
    public static YearMonth month(int i) {
        return FIRST_MONTH.plusMonths(i);
    }

    /** The amount of spend fact {@code i} of account {@code n}, in yuan with two decimals. */
    public static BigDecimal amount(long n, int i) {
        return BigDecimal.valueOf(1_000_000 + (n % 1000) * 100 + i * 7, 2);
    }

    /**
     * Runs the four commands for account {@code n} through Keyline's key-account service.
     *
     * @param n the account number
     */
    public void run(long n) {
        AccountId id = new AccountId(accountId(n));
        accounts.register(ACTOR, id, name(n), NETWORK, INDUSTRY);
        accounts.assignManager(ACTOR, id, MANAGER);
        accounts.activate(ACTOR, id);
        List<SpendFact> facts = new ArrayList<>(FACTS);
        for (int i = 0; i < FACTS; i++) {
            facts.add(SpendFact.original(new SpendFactId(factId(n, i)), id, NETWORK, month(i), Money.cny(amount(n, i)),
                    Fixture.NOW));
        }
        accounts.recordSpend(ACTOR, facts);
    }
}
