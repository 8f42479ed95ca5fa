package dev.keyline.domain.staff;

import dev.keyline.domain.common.Industry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link DivisionStaffing}: its id, version, industry and every change,
 * oldest first. Built by {@link DivisionStaffing#snapshot()} or by a storage provider from its
 * rows; it is not validated here, {@link DivisionStaffing#restore(DivisionStaffingSnapshot)} does that.
 *
 * @param id the staffing's id
 * @param version the stored version
 * @param industry the industry division
 * @param history every change, oldest first
 */
public record DivisionStaffingSnapshot(StaffingId id, long version, Industry industry, List<StaffingChange> history) {

    /**
     * Copies the history into an unmodifiable list (keeping any null, for restore to reject).
     *
     * @param id the staffing's id
     * @param version the stored version
     * @param industry the industry division
     * @param history every change, oldest first
     */
    public DivisionStaffingSnapshot {
        history = history == null ? null : Collections.unmodifiableList(new ArrayList<>(history));
    }
}
