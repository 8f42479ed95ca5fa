package dev.keyline.domain.billing;

/**
 * The rules a combination of bill preferences must keep; {@link BillPreferences} checks them in
 * this order and names the first one broken in a {@link BillPreferenceRuleException}.
 */
public enum BillPreferenceRule {
    /** EDI carries only machine-readable formats (CSV, XML, EDIFACT). */
    EDI_NEEDS_MACHINE_READABLE_FORMAT("EDI carries only a machine-readable format (CSV, XML or EDIFACT)"),
    /** EDIFACT messages travel only over EDI. */
    EDIFACT_ONLY_OVER_EDI("an EDIFACT bill travels only over EDI"),
    /** Paper and fax carry a printed page, so the format is PDF. */
    PRINTED_NEEDS_PDF("a paper or fax bill is a printed page, so its format must be PDF"),
    /** Fax cannot carry call detail records. */
    FAX_CARRIES_NO_CALL_DETAIL("a fax cannot carry call detail records"),
    /** Per-project billing names at least one project; other frequencies name none. */
    PER_PROJECT_NEEDS_PROJECTS("per-project billing names at least one project, and only per-project billing names projects"),
    /** Per-branch bills name at least one branch; a consolidated bill names none. */
    PER_BRANCH_NEEDS_BRANCHES("per-branch bills name at least one branch, and a consolidated bill names none");

    private final String description;

    BillPreferenceRule(String description) {
        this.description = description;
    }

    /** {@return what the rule requires, in words} */
    public String description() {
        return description;
    }
}
