package dev.keyline.domain.budget;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a {@link Budget} stands in its yearly cycle. The allowed transitions are:
 * targets set → draft → submitted → (challenged → submitted)* → approved → issued (下达) → closed.
 */
public enum BudgetStatus {
    /** The province has set the targets (the annual fund plan); the owning unit has not started drafting. */
    TARGETS_SET,
    /** The owning unit is drafting its lines. */
    DRAFT,
    /** The draft was submitted for review. */
    SUBMITTED,
    /** The reviewer challenged the draft (质询); the drafter answers and revises, then submits again. */
    CHALLENGED,
    /** The reviewer approved the budget. */
    APPROVED,
    /** The budget was formally issued (下达); documents may be booked on it and revisions approved. */
    ISSUED,
    /** The fiscal year is closed; nothing changes any more. */
    CLOSED;

    /**
     * The statuses this one may move to.
     *
     * @return the allowed next statuses, empty for {@link #CLOSED}
     */
    public Set<BudgetStatus> next() {
        return switch (this) {
            case TARGETS_SET -> EnumSet.of(DRAFT);
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(CHALLENGED, APPROVED);
            case CHALLENGED -> EnumSet.of(SUBMITTED);
            case APPROVED -> EnumSet.of(ISSUED);
            case ISSUED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(BudgetStatus.class);
        };
    }

    /**
     * Whether the lines may be planned or changed.
     *
     * @return true while drafting or answering a challenge
     */
    public boolean isEditable() {
        return this == DRAFT || this == CHALLENGED;
    }
}
