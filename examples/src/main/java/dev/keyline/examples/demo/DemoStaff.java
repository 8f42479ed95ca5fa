package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.account.KeyAccounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The people of the story and the roles (岗位) they hold in the key-account departments of Suzhou
 * and Kunming, as a host's user directory would describe them. An account manager's (客户经理)
 * accounts are not listed here, nor anywhere in the directory: they are the stored key accounts that
 * name the manager ({@link KeyAccounts#accountsManagedBy(UserId)}), the one source the access rules
 * read; {@link #accountManager(UserId)} is just the user with the role.
 */
public final class DemoStaff {

    /** Suzhou's department general manager (大客户部总经理). */
    public static final Actor SUZHOU_GENERAL_MANAGER = Actor.withRoles(new UserId("zhou.min"),
            Role.DEPARTMENT_GENERAL_MANAGER);

    /** Kunming's department general manager. */
    public static final Actor KUNMING_GENERAL_MANAGER = Actor.withRoles(new UserId("he.ping"),
            Role.DEPARTMENT_GENERAL_MANAGER);

    /** Suzhou's financial manager (财务经理), who sets floor prices. */
    public static final Actor FINANCIAL_MANAGER = Actor.withRoles(new UserId("sun.li"), Role.FINANCIAL_MANAGER);

    /** Suzhou's industry manager (行业经理) for finance, key customers and the information industry. */
    public static final Actor FINANCE_AND_INFORMATION_MANAGER = Actor.industryManager(new UserId("chen.hao"),
            Set.of(Industry.FINANCE, Industry.KEY_CUSTOMERS, Industry.INFORMATION));

    /** Suzhou's industry manager for science and education, tourism, and commerce and trade. */
    public static final Actor SERVICES_AND_TRADE_MANAGER = Actor.industryManager(new UserId("wu.jie"),
            Set.of(Industry.SCIENCE_EDUCATION_CULTURE_HEALTH, Industry.TOURISM, Industry.COMMERCE_TRADE));

    /** Suzhou's technical manager (技术经理), of the national accounts' virtual teams. */
    public static final Actor TECHNICAL_MANAGER = Actor.withRoles(new UserId("xu.tao"), Role.TECHNICAL_MANAGER);

    /** Suzhou's business manager (商务经理), of the national accounts' virtual teams. */
    public static final Actor BUSINESS_MANAGER = Actor.withRoles(new UserId("gao.yan"), Role.BUSINESS_MANAGER);

    private static final List<UserId> SUZHOU_ACCOUNT_MANAGERS = List.of(new UserId("wang.fang"), new UserId("li.na"),
            new UserId("zhang.wei"));

    private static final List<UserId> KUNMING_ACCOUNT_MANAGERS = List.of(new UserId("liu.yang"),
            new UserId("zhao.lei"), new UserId("yang.xue"));

    private DemoStaff() {
    }

    /**
     * The department general manager of a network.
     *
     * @param network Suzhou or Kunming
     * @return the actor
     * @throws InvalidArgumentException for another network
     */
    public static Actor generalManagerOf(LocalNetworkId network) {
        return pick(network, SUZHOU_GENERAL_MANAGER, KUNMING_GENERAL_MANAGER);
    }

    /**
     * The account managers of a network.
     *
     * @param network Suzhou or Kunming
     * @return their user ids
     * @throws InvalidArgumentException for another network
     */
    public static List<UserId> accountManagersOf(LocalNetworkId network) {
        return pick(network, SUZHOU_ACCOUNT_MANAGERS, KUNMING_ACCOUNT_MANAGERS);
    }

    /**
     * Suzhou's industry manager leading an industry.
     *
     * @param industry the industry, one of the seed's six segments
     * @return the actor
     * @throws InvalidArgumentException for {@link Industry#OTHER}
     */
    public static Actor industryManagerFor(Industry industry) {
        Require.nonNull(industry, "industry");
        for (Actor manager : List.of(FINANCE_AND_INFORMATION_MANAGER, SERVICES_AND_TRADE_MANAGER)) {
            if (manager.leadsIndustry(industry)) {
                return manager;
            }
        }
        throw new InvalidArgumentException("industry", "no industry manager of the story leads " + industry);
    }

    /**
     * An account manager as the directory describes them: a user with the account manager role.
     * The accounts they may change are the stored accounts that name them as account manager.
     *
     * @param manager the account manager
     * @return the actor
     */
    public static Actor accountManager(UserId manager) {
        return Actor.accountManager(Require.nonNull(manager, "manager"));
    }

    /**
     * The account manager of an account, as {@link #accountManager(UserId)} describes them.
     *
     * @param accounts the key-account service
     * @param account the account; it must have an account manager
     * @return the actor
     */
    public static Actor accountManagerOf(KeyAccounts accounts, AccountId account) {
        Require.nonNull(accounts, "accounts");
        UserId manager = accounts.get(Require.nonNull(account, "account")).accountManager().orElseThrow(
                () -> new InvalidArgumentException("account", "key account " + account + " has no account manager"));
        return accountManager(manager);
    }

    /**
     * The roles of an actor with their seed terms, for the report, for example
     * {@code FINANCIAL_MANAGER (财务经理)}.
     *
     * @param actor the actor
     * @return the roles
     */
    public static String rolesOf(Actor actor) {
        Require.nonNull(actor, "actor");
        return String.join(", ", EnumSet.copyOf(actor.roles()).stream()
                .map(r -> r + " (" + r.seedTerm() + ")").toList());
    }

    private static <T> T pick(LocalNetworkId network, T suzhou, T kunming) {
        Require.nonNull(network, "network");
        if (network.equals(SeedMinimums.SUZHOU)) {
            return suzhou;
        }
        if (network.equals(SeedMinimums.KUNMING)) {
            return kunming;
        }
        throw new InvalidArgumentException("network", "the story has staff in SZ and KM only, not in " + network);
    }
}
