package dev.keyline.domain.staff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of an {@link IncentiveLedger}: its id, version, every table setting and every
 * award, oldest first. Not validated here; {@link IncentiveLedger#restore(IncentiveLedgerSnapshot)} does that.
 *
 * @param id the ledger's id
 * @param version the stored version
 * @param tables every table setting, oldest first; the last is in force
 * @param awards every award, oldest first
 */
public record IncentiveLedgerSnapshot(IncentiveLedgerId id, long version, List<IncentiveTableSetting> tables,
        List<IncentiveAward> awards) {

    /**
     * Copies the lists into unmodifiable lists (keeping any null, for restore to reject).
     *
     * @param id the ledger's id
     * @param version the stored version
     * @param tables every table setting, oldest first; the last is in force
     * @param awards every award, oldest first
     */
    public IncentiveLedgerSnapshot {
        tables = tables == null ? null : Collections.unmodifiableList(new ArrayList<>(tables));
        awards = awards == null ? null : Collections.unmodifiableList(new ArrayList<>(awards));
    }
}
