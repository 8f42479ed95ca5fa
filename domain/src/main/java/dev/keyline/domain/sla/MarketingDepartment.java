package dev.keyline.domain.sla;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The marketing department (营销服务中心的部门) that signs an SLA with the network centre. The seed
 * names three, given as constants; it is a value, not an enum, so a host whose marketing is
 * organised otherwise names its own departments.
 *
 * @param value the department's code
 */
public record MarketingDepartment(String value) implements Identifier {

    /** The group-customer (key-account) department, 集团客户部. */
    public static final MarketingDepartment GROUP_CUSTOMERS = new MarketingDepartment("group-customers");

    /** The business-customer department, 商业客户部. */
    public static final MarketingDepartment BUSINESS_CUSTOMERS = new MarketingDepartment("business-customers");

    /** The public-customer department, 公众客户部. */
    public static final MarketingDepartment PUBLIC_CUSTOMERS = new MarketingDepartment("public-customers");

    /**
     * Validates the code.
     *
     * @param value the department's code
     * @throws InvalidArgumentException naming {@code department} when the text is not a valid identifier
     */
    public MarketingDepartment {
        Identifier.check(value, "department");
    }

    @Override
    public String toString() {
        return value;
    }
}
