package dev.keyline.domain.common;

/**
 * The business roles (岗位) people hold in a local network's key-account operations. A person may
 * hold several roles at once; the roles decide which key accounts they may change (see
 * the key-account area's access rules) and how much commercial authority (商务授权) they have (see
 * the authority area's matrix). Roles are part of the shared kernel: every area checks them.
 *
 * <p>The constants are declared roughly from the front line to the top of the key-account
 * department, followed by the network side; the order is used only to break ties
 * deterministically.
 */
public enum Role {

    /**
     * Account manager (客户经理): owns the relationship with the key accounts that name them as
     * account manager, takes orders and steers provisioning; may change only those accounts.
     */
    ACCOUNT_MANAGER("客户经理"),

    /**
     * Industry manager (行业经理): leads the sales team of one or more industries (finance,
     * information, tourism, …); may change every account of those industries and approve a manual
     * tier override there.
     */
    INDUSTRY_MANAGER("行业经理"),

    /**
     * Technical manager (技术经理): the solution expert of a key account's virtual team; no
     * account-change rights of its own.
     */
    TECHNICAL_MANAGER("技术经理"),

    /**
     * Business manager (商务经理): prepares offers and agreements in a key account's virtual team;
     * no account-change rights of its own.
     */
    BUSINESS_MANAGER("商务经理"),

    /**
     * Financial manager (财务经理): sets the floor price (底价) of every product and is one of the two
     * approvers every offer below the floor price needs.
     */
    FINANCIAL_MANAGER("财务经理"),

    /**
     * Marketing manager of the marketing service centre (营销服务中心), the front end that signs the
     * SLA with the network centre.
     */
    MARKETING_MANAGER("营销服务中心经理"),

    /**
     * Manager of the network centre (网络中心), the back end that provisions circuits and repairs
     * faults.
     */
    NETWORK_CENTRE_MANAGER("网络中心经理"),

    /** Station manager (工位经理): runs one station (工位), a team that does one step of a work order. */
    STATION_MANAGER("工位经理"),

    /** Station executor (工位执行人): the person at a station who carries out a stage. */
    STATION_EXECUTOR("工位执行人"),

    /**
     * IT support (IT支持): keeps the work-order and resource systems running; the fourth level of
     * the provisioning assessment (大客户经理、工位经理、工位执行人及IT支持的四级考核).
     */
    IT_SUPPORT("IT支持"),

    /**
     * Market analyst (市场分析员): analyses the market, industries and customers for the key-account
     * department (市场分析、行业分析和客户分析); no account-change rights of its own.
     */
    MARKET_ANALYST("市场分析员"),

    /**
     * General manager of the key-account department (大客户部总经理 / 集团客户部总经理): may change any
     * key account, approve any tier override, and is the second approver every offer below the
     * floor price needs.
     */
    DEPARTMENT_GENERAL_MANAGER("大客户部总经理"),

    /** General manager (总经理) of the local network: may change any key account. */
    GENERAL_MANAGER("总经理");

    private final String seedTerm;

    Role(String seedTerm) {
        this.seedTerm = seedTerm;
    }

    /**
     * The Chinese name of the role as the seed document writes it, for example {@code 客户经理}.
     *
     * @return the seed term
     */
    public String seedTerm() {
        return seedTerm;
    }

    /**
     * Whether this role may change any key account, whatever its industry or account manager.
     *
     * @return true for {@link #GENERAL_MANAGER} and {@link #DEPARTMENT_GENERAL_MANAGER}
     */
    public boolean changesEveryAccount() {
        return this == GENERAL_MANAGER || this == DEPARTMENT_GENERAL_MANAGER;
    }
}
