package dev.keyline.domain.kpi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link KpiStanding}. It carries stored data unchecked; {@link KpiStanding#restore}
 * validates it and reports a broken one as corrupt.
 *
 * @param id the standing's id
 * @param version the stored version
 * @param entries the recorded periods, oldest first
 */
public record KpiStandingSnapshot(KpiStandingId id, long version, List<KpiStandingEntry> entries) {

    /**
     * Copies the entries.
     *
     * @param id the standing's id
     * @param version the stored version
     * @param entries the recorded periods, oldest first
     */
    public KpiStandingSnapshot {
        entries = entries == null ? null : Collections.unmodifiableList(new ArrayList<>(entries));
    }
}
