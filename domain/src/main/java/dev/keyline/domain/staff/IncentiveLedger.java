package dev.keyline.domain.staff;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.ScorecardResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The incentives (激励) of one organisation unit: the {@link IncentiveTable} in force, with every
 * earlier table, and every incentive calculated from a scorecard ({@link IncentiveAward}).
 *
 * <p>An award takes a period's {@link ScorecardResult} and a base amount, looks up the factor of
 * the scorecard's band and records {@code base × factor}, rounded as {@link Money} rounds, with
 * what it was computed from. An incentive <b>never</b> applies to an incomplete scorecard: that
 * is refused with {@link IncompleteScorecardException} naming the missing KPIs, and nothing is
 * recorded. A person is paid at most once per scorecard, unit and period.
 */
public final class IncentiveLedger extends AggregateRoot<IncentiveLedgerId> {

    private final List<IncentiveTableSetting> tables = new ArrayList<>();
    private final List<IncentiveAward> awards = new ArrayList<>();

    private IncentiveLedger(IncentiveLedgerId id, long version) {
        super(id, version);
    }

    /**
     * A new ledger with its first table (version 0, never saved); raises {@link IncentiveTableChanged}.
     *
     * @param id the ledger's id
     * @param table the table in force
     * @param by who sets it
     * @param at when
     * @return the ledger
     * @throws InvalidArgumentException when an argument is null
     */
    public static IncentiveLedger open(IncentiveLedgerId id, IncentiveTable table, UserId by, Instant at) {
        Require.nonNull(table, "table");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        IncentiveLedger ledger = new IncentiveLedger(Require.nonNull(id, "id"), 0);
        IncentiveTableSetting setting = new IncentiveTableSetting(table, by, at);
        ledger.tables.add(setting);
        ledger.record(new IncentiveTableChanged(EventId.random(), at, id, table, null, by));
        return ledger;
    }

    /**
     * Puts another table in force for later awards; earlier awards keep their factors. Raises
     * {@link IncentiveTableChanged}.
     *
     * @param table the new table
     * @param by who sets it
     * @param at when
     * @return the table now in force
     * @throws InvalidArgumentException when an argument is null
     */
    public IncentiveTable changeTable(IncentiveTable table, UserId by, Instant at) {
        Require.nonNull(table, "table");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        IncentiveTableSetting setting = new IncentiveTableSetting(table, by, at);
        IncentiveTable previous = table();
        tables.add(setting);
        record(new IncentiveTableChanged(EventId.random(), at, id(), table, previous, by));
        return table;
    }

    /**
     * Calculates and records an incentive from a period's scorecard; raises {@link IncentiveAwarded}.
     *
     * @param recipient the person paid
     * @param result the scorecard's result; must be complete
     * @param base the base amount, not negative
     * @param by who calculates it
     * @param at when
     * @return the recorded calculation
     * @throws InvalidArgumentException when an argument is null or the base is negative
     * @throws IncompleteScorecardException when the scorecard is incomplete; nothing is recorded
     * @throws AlreadyExistsException when the person was already paid on this scorecard, unit and period
     */
    public IncentiveAward award(UserId recipient, ScorecardResult result, Money base, UserId by, Instant at) {
        IncentiveAward award = calculate(recipient, result, base, by, at);
        for (IncentiveAward earlier : awards) {
            if (earlier.sameAssessmentAs(award)) {
                throw new AlreadyExistsException(recipient + " already has an incentive of " + earlier.amount()
                        + " on scorecard " + result.scorecard() + " for " + result.unit() + " " + result.period());
            }
        }
        awards.add(award);
        record(new IncentiveAwarded(EventId.random(), at, id(), award));
        return award;
    }

    /**
     * Calculates an incentive under the table in force without recording it.
     *
     * @param recipient the person paid
     * @param result the scorecard's result; must be complete
     * @param base the base amount, not negative
     * @param by who calculates it
     * @param at when
     * @return the calculation
     * @throws InvalidArgumentException when an argument is null or the base is negative
     * @throws IncompleteScorecardException when the scorecard is incomplete
     */
    public IncentiveAward calculate(UserId recipient, ScorecardResult result, Money base, UserId by, Instant at) {
        Require.nonNull(recipient, "recipient");
        Require.nonNull(result, "result");
        Require.nonNull(base, "base");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        Require.that(!base.isNegative(), "base", () -> "must not be negative, was " + base);
        if (!result.isComplete()) {
            throw new IncompleteScorecardException(result.scorecard() + " (" + result.role() + ", " + result.unit()
                    + ", " + result.period() + ")", result.missing());
        }
        Band band = result.band().orElseThrow();
        BigDecimal factor = table().factorFor(band);
        return new IncentiveAward(recipient, result.scorecard(), result.role(), result.unit(), result.period(), band,
                factor, base, base.times(factor), by, at);
    }

    /**
     * The table in force.
     *
     * @return the last table set
     */
    public IncentiveTable table() {
        return tables.get(tables.size() - 1).table();
    }

    /**
     * Every table setting, oldest first.
     *
     * @return the settings
     */
    public List<IncentiveTableSetting> tables() {
        return List.copyOf(tables);
    }

    /**
     * Every award, oldest first.
     *
     * @return the awards
     */
    public List<IncentiveAward> awards() {
        return List.copyOf(awards);
    }

    /**
     * The awards of one period.
     *
     * @param period the period
     * @return its awards, oldest first
     * @throws InvalidArgumentException when {@code period} is null
     */
    public List<IncentiveAward> awardsFor(Period period) {
        Require.nonNull(period, "period");
        return awards.stream().filter(a -> a.period().equals(period)).toList();
    }

    /**
     * The stored form of this ledger.
     *
     * @return an immutable snapshot
     */
    public IncentiveLedgerSnapshot snapshot() {
        return new IncentiveLedgerSnapshot(id(), version(), tables, awards);
    }

    /**
     * Rebuilds a ledger from its stored form, checking it again.
     *
     * @param snapshot the stored form
     * @return the ledger
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming what is wrong when the id is missing, the version is
     *     negative, there is no table, an entry is missing, or a person is paid twice for one assessment
     */
    public static IncentiveLedger restore(IncentiveLedgerSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        if (snapshot.id() == null) {
            throw new CorruptStateException("incentive ledger: id is missing");
        }
        String name = "incentive ledger " + snapshot.id();
        if (snapshot.version() < 0) {
            throw new CorruptStateException(name + ": version is negative: " + snapshot.version());
        }
        if (snapshot.tables() == null || snapshot.tables().isEmpty()) {
            throw new CorruptStateException(name + ": has no incentive table");
        }
        if (snapshot.awards() == null) {
            throw new CorruptStateException(name + ": awards are missing");
        }
        IncentiveLedger ledger = new IncentiveLedger(snapshot.id(), snapshot.version());
        for (int i = 0; i < snapshot.tables().size(); i++) {
            IncentiveTableSetting setting = snapshot.tables().get(i);
            if (setting == null) {
                throw new CorruptStateException(name + ": tables[" + i + "] is missing");
            }
            ledger.tables.add(setting);
        }
        for (int i = 0; i < snapshot.awards().size(); i++) {
            IncentiveAward award = snapshot.awards().get(i);
            if (award == null) {
                throw new CorruptStateException(name + ": awards[" + i + "] is missing");
            }
            for (IncentiveAward earlier : ledger.awards) {
                if (earlier.sameAssessmentAs(award)) {
                    throw new CorruptStateException(name + ": awards[" + i + "] pays " + award.recipient()
                            + " twice on scorecard " + award.scorecard() + " " + award.period());
                }
            }
            ledger.awards.add(award);
        }
        return ledger;
    }
}
