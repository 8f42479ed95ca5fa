package dev.keyline.domain.account;

/**
 * The kinds of customer the seed names as potential key accounts (潜在大客户) for their influence
 * over other customers' telecom use rather than for their own spend.
 */
public enum InfluencerKind {
    /** A property developer (房地产开发商): decides the telecom fit-out of new buildings. */
    PROPERTY_DEVELOPER,
    /** A property-management company (物业管理公司): controls access to the tenants of its buildings. */
    PROPERTY_MANAGER,
    /** An industry regulator (行业主管部门): steers the choices of a whole industry. */
    INDUSTRY_REGULATOR
}
