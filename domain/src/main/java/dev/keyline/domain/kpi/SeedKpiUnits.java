package dev.keyline.domain.kpi;

import java.util.List;

/** The organisation units the seed's KPI lists are written for. */
public final class SeedKpiUnits {

    /** The network centre's resource allocation and construction department (网络中心 资源调配建设部). */
    public static final KpiUnit NETWORK_CENTRE = new KpiUnit("network-centre");
    /** The network management and dispatch department (网络管理调度部). */
    public static final KpiUnit NETWORK_MANAGEMENT_DISPATCH = new KpiUnit("network-management-dispatch");
    /** The maintenance and installation department (维护安装部). */
    public static final KpiUnit MAINTENANCE = new KpiUnit("maintenance");
    /** The marketing service centre (营销服务中心). */
    public static final KpiUnit MARKETING_CENTRE = new KpiUnit("marketing-centre");
    /** The key-account department (集团客户部). */
    public static final KpiUnit KEY_ACCOUNT_DEPARTMENT = new KpiUnit("key-account-department");
    /** The customer relations department (客户关系部). */
    public static final KpiUnit CUSTOMER_RELATIONS = new KpiUnit("customer-relations");
    /** The technical support department (技术支持部). */
    public static final KpiUnit TECHNICAL_SUPPORT = new KpiUnit("technical-support");
    /** The business department (集团业务部). */
    public static final KpiUnit BUSINESS_DEPARTMENT = new KpiUnit("business-department");
    /** The interconnection department (互联互通部). */
    public static final KpiUnit INTERCONNECTION = new KpiUnit("interconnection");

    private SeedKpiUnits() {
    }

    /**
     * Every unit, in the seed's order.
     *
     * @return the units
     */
    public static List<KpiUnit> all() {
        return List.of(NETWORK_CENTRE, NETWORK_MANAGEMENT_DISPATCH, MAINTENANCE, MARKETING_CENTRE,
                KEY_ACCOUNT_DEPARTMENT, CUSTOMER_RELATIONS, TECHNICAL_SUPPORT, BUSINESS_DEPARTMENT, INTERCONNECTION);
    }
}
