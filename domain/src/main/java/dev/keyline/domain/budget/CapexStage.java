package dev.keyline.domain.budget;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a {@link CapexProject} stands. The main line is proposed → feasibility → approved (立项) →
 * in construction → accepted (竣工验收) → evaluated; a proposal or feasibility study may be rejected,
 * and a project may be cancelled until it is accepted. {@link #EVALUATED}, {@link #REJECTED} and
 * {@link #CANCELLED} are final.
 */
public enum CapexStage {
    /** Proposed, awaiting a feasibility study. */
    PROPOSED,
    /** The feasibility study (可行性研究) is under way. */
    FEASIBILITY,
    /** Approved (立项): linked to a budget line, with a planned amount and schedule. */
    APPROVED,
    /** Construction has started. */
    IN_CONSTRUCTION,
    /** Completed and accepted (竣工验收); its capacity reaches the pools. */
    ACCEPTED,
    /** The post-evaluation (后评价) is done; final. */
    EVALUATED,
    /** Turned down before approval; final. */
    REJECTED,
    /** Stopped before acceptance; final. */
    CANCELLED;

    /**
     * Whether no further step is possible.
     *
     * @return true for {@link #EVALUATED}, {@link #REJECTED} and {@link #CANCELLED}
     */
    public boolean isFinal() {
        return this == EVALUATED || this == REJECTED || this == CANCELLED;
    }

    /**
     * The stages a project may move to from this one.
     *
     * @return the legal next stages, empty for a final stage
     */
    public Set<CapexStage> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(FEASIBILITY, REJECTED, CANCELLED);
            case FEASIBILITY -> EnumSet.of(APPROVED, REJECTED, CANCELLED);
            case APPROVED -> EnumSet.of(IN_CONSTRUCTION, CANCELLED);
            case IN_CONSTRUCTION -> EnumSet.of(ACCEPTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(EVALUATED);
            case EVALUATED, REJECTED, CANCELLED -> EnumSet.noneOf(CapexStage.class);
        };
    }

    /**
     * Whether the project has been approved (立项) in this stage or before it.
     *
     * @return true from {@link #APPROVED} on along the main line
     */
    public boolean isApproved() {
        return this == APPROVED || this == IN_CONSTRUCTION || this == ACCEPTED || this == EVALUATED;
    }
}
