package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A key account as a JPA entity over Keyline's {@code keyline_key_account} table. */
@Entity
@Table(name = "keyline_key_account")
public class KeyAccountEntity extends VersionedRow {

    @Id
    @Column(name = "account_id")
    String accountId;
    @Column(name = "account_name")
    String accountName;
    @Column(name = "network_id")
    String networkId;
    String industry;
    String tier;
    String status;
    @Column(name = "account_manager")
    String accountManager;
    @Column(name = "team_industry_manager")
    String teamIndustryManager;
    @Column(name = "team_technical_manager")
    String teamTechnicalManager;
    @Column(name = "team_business_manager")
    String teamBusinessManager;
    int branches;
    @Column(name = "annual_turnover")
    BigDecimal annualTurnover;
    @Column(name = "annual_turnover_currency")
    String annualTurnoverCurrency;
    @Column(name = "turnover_growth")
    BigDecimal turnoverGrowth;
    @Column(name = "annual_investment")
    BigDecimal annualInvestment;
    @Column(name = "annual_investment_currency")
    String annualInvestmentCurrency;
    @Column(name = "white_collar_share")
    BigDecimal whiteCollarShare;
    @Column(name = "leases_private_circuits")
    boolean leasesPrivateCircuits;
    @Column(name = "leases_network_elements")
    boolean leasesNetworkElements;
    @Column(name = "years_with_operator")
    int yearsWithOperator;
    @Column(name = "own_customer_count")
    long ownCustomerCount;
    @Column(name = "party_government_military")
    boolean partyGovernmentMilitary;
    @Column(name = "influencer_kind")
    String influencerKind;
    @Column(name = "designation_reason")
    String designationReason;
    @Column(name = "churn_warning_since")
    Instant churnWarningSince;
    @Column(name = "exit_reason")
    String exitReason;
    @Column(name = "exited_at")
    Instant exitedAt;
    @Column(name = "registered_by")
    String registeredBy;
    @Column(name = "registered_at")
    Instant registeredAt;
    @Column(name = "last_changed_at")
    Instant lastChangedAt;

    /** For JPA. */
    protected KeyAccountEntity() {
    }

    /**
     * A new prospect with a blank profile, as Keyline registers one.
     *
     * @param id the account id
     * @param name the customer name
     * @param network the network
     * @param industry the industry
     * @param by who registers it
     * @param at when
     */
    public KeyAccountEntity(String id, String name, String network, String industry, String by, Instant at) {
        this.accountId = id;
        this.accountName = name;
        this.networkId = network;
        this.industry = industry;
        this.tier = "NONE";
        this.status = "PROSPECT";
        this.annualTurnover = new BigDecimal("0.00");
        this.annualTurnoverCurrency = "CNY";
        this.turnoverGrowth = new BigDecimal("0.000000");
        this.annualInvestment = new BigDecimal("0.00");
        this.annualInvestmentCurrency = "CNY";
        this.whiteCollarShare = new BigDecimal("0.000000");
        this.registeredBy = by;
        this.registeredAt = at;
        this.lastChangedAt = at;
        this.version = 1L;
        this.isNew = true;
    }

    /** Assigns the account manager. */
    public void assignManager(String manager, Instant at) {
        this.accountManager = manager;
        this.lastChangedAt = at;
    }

    /** Activates a prospect with a manager. */
    public void activate(Instant at) {
        if (!"PROSPECT".equals(status) || accountManager == null) {
            throw new IllegalStateException("account " + accountId + " cannot be activated");
        }
        this.status = "ACTIVE";
        this.lastChangedAt = at;
    }
}
