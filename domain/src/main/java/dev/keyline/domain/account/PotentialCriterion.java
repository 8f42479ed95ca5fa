package dev.keyline.domain.account;

/** The seed's four reasons to treat a customer as a potential key account (潜在大客户). */
public enum PotentialCriterion {
    /**
     * (1) In an industry whose share of key-account revenue exceeds the set share (5 %), and within
     * that industry's cut-off rank by investment or turnover.
     */
    INDUSTRY_LEADER,
    /** (2) A Party, government or military body (党政军). */
    PARTY_GOVERNMENT_MILITARY,
    /** (3) Little spend but influence over others' telecom use (property developers, property managers, regulators). */
    INFLUENCER,
    /** (4) Designated by hand for major potential impact, with a reason. */
    MANUAL_DESIGNATION
}
