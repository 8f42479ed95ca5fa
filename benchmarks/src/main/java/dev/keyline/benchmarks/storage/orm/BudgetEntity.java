package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A budget's row as a JPA entity over Keyline's {@code keyline_budget} table. */
@Entity
@Table(name = "keyline_budget")
public class BudgetEntity extends VersionedRow {

    @Id
    @Column(name = "budget_id")
    String id;
    @Column(name = "unit_id")
    String unitId;
    @Column(name = "unit_level")
    String unitLevel;
    @Column(name = "network_id")
    String networkId;
    @Column(name = "unit_parent_id")
    String unitParentId;
    @Column(name = "fiscal_year")
    int fiscalYear;
    @Column(name = "parent_budget_id")
    String parentBudgetId;
    String currency;
    @Column(name = "fund_plan")
    BigDecimal fundPlan;
    @Column(name = "zone_id")
    String zoneId;
    String status;

    /** For JPA. */
    protected BudgetEntity() {
    }

    /**
     * A new budget's row, version 1.
     *
     * @param id the budget id
     * @param unitId the organisation unit
     * @param unitLevel the unit's level
     * @param networkId the unit's local network, if it has one
     * @param unitParentId the unit's parent unit, if it has one
     * @param fiscalYear the fiscal year
     * @param parentBudgetId the parent budget, if there is one
     * @param currency the fund plan's currency code
     * @param fundPlan the fund plan's amount
     * @param zoneId the time zone's id
     * @param status the status
     */
    public BudgetEntity(String id, String unitId, String unitLevel, String networkId, String unitParentId,
            int fiscalYear, String parentBudgetId, String currency, BigDecimal fundPlan, String zoneId, String status) {
        this.id = id;
        this.unitId = unitId;
        this.unitLevel = unitLevel;
        this.networkId = networkId;
        this.unitParentId = unitParentId;
        this.fiscalYear = fiscalYear;
        this.parentBudgetId = parentBudgetId;
        this.currency = currency;
        this.fundPlan = fundPlan;
        this.zoneId = zoneId;
        this.status = status;
        this.version = 1L;
        this.isNew = true;
    }

    /**
     * Records the budget's new status, as the domain computed it; the flush writes a versioned
     * update.
     *
     * @param newStatus the status
     */
    public void moved(String newStatus) {
        this.status = newStatus;
    }
}
