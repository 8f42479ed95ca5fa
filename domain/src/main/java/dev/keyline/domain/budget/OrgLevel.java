package dev.keyline.domain.budget;

/**
 * The level of an organisation unit in the budget hierarchy: the province (省公司) sets targets and
 * reviews, each local network (本地网) drafts its budget, and issues it on to its departments or
 * cost centres.
 */
public enum OrgLevel {
    /** The provincial company; the top of the hierarchy, with no parent. */
    PROVINCE,
    /** A local network (本地网), under the province. */
    LOCAL_NETWORK,
    /** A department or cost centre of a local network. */
    DEPARTMENT;

    /**
     * The level directly above this one.
     *
     * @return the parent level, or null for {@link #PROVINCE}
     */
    public OrgLevel parentLevel() {
        return switch (this) {
            case PROVINCE -> null;
            case LOCAL_NETWORK -> PROVINCE;
            case DEPARTMENT -> LOCAL_NETWORK;
        };
    }
}
