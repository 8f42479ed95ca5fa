package dev.keyline.domain.staff;

import static dev.keyline.domain.staff.Phrase.of;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.KpiId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role catalogue (岗位目录): for each of the nine roles of the key-account sales team and the
 * provisioning stations, its duties, required skills and the KPIs it is assessed on.
 *
 * <p>{@link #standard()} holds the seed's own wording (销售人员职责要求, 技能要求, 业绩指标). A host
 * replaces a role's entry with {@link #with(RoleProfile)}; the catalogue always holds exactly one
 * entry per role of {@link #ROLES}. The role-to-KPI links are plain data ({@link KpiId} lists) so
 * that they are easy to correct. Immutable and thread-safe.
 */
public final class RoleCatalogue {

    /** The roles the catalogue covers, in the order. */
    public static final Set<Role> ROLES = Collections.unmodifiableSet(EnumSet.of(
            Role.DEPARTMENT_GENERAL_MANAGER, Role.INDUSTRY_MANAGER, Role.ACCOUNT_MANAGER, Role.MARKET_ANALYST,
            Role.TECHNICAL_MANAGER, Role.BUSINESS_MANAGER, Role.FINANCIAL_MANAGER, Role.STATION_MANAGER,
            Role.STATION_EXECUTOR));

    private static final RoleCatalogue STANDARD = new RoleCatalogue(standardProfiles());

    private final Map<Role, RoleProfile> profiles;

    private RoleCatalogue(Map<Role, RoleProfile> profiles) {
        this.profiles = Collections.unmodifiableMap(new EnumMap<>(profiles));
    }

    /**
     * The seed's catalogue.
     *
     * @return the standard catalogue
     */
    public static RoleCatalogue standard() {
        return STANDARD;
    }

    /**
     * This catalogue with one role's entry replaced.
     *
     * @param profile the new entry, validated by {@link RoleProfile}
     * @return a new catalogue; this one is unchanged
     * @throws InvalidArgumentException when {@code profile} is null
     */
    public RoleCatalogue with(RoleProfile profile) {
        Require.nonNull(profile, "profile");
        Map<Role, RoleProfile> next = new EnumMap<>(profiles);
        next.put(profile.role(), profile);
        return new RoleCatalogue(next);
    }

    /**
     * A role's entry.
     *
     * @param role the role
     * @return its entry
     * @throws InvalidArgumentException when {@code role} is null
     * @throws NotFoundException when the catalogue does not cover the role
     */
    public RoleProfile profile(Role role) {
        Require.nonNull(role, "role");
        RoleProfile profile = profiles.get(role);
        if (profile == null) {
            throw new NotFoundException("the role catalogue has no entry for " + role + "; it covers " + ROLES);
        }
        return profile;
    }

    /**
     * Every entry, in the order of {@link Role}.
     *
     * @return the entries, one per role of {@link #ROLES}
     */
    public List<RoleProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    /**
     * The roles assessed on a KPI.
     *
     * @param kpi the KPI
     * @return the roles whose entries name it, in the order of {@link Role}
     * @throws InvalidArgumentException when {@code kpi} is null
     */
    public List<Role> rolesAssessedOn(KpiId kpi) {
        Require.nonNull(kpi, "kpi");
        return profiles.values().stream().filter(p -> p.isAssessedOn(kpi)).map(RoleProfile::role).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoleCatalogue that && profiles.equals(that.profiles);
    }

    @Override
    public int hashCode() {
        return profiles.hashCode();
    }

    @Override
    public String toString() {
        return "RoleCatalogue" + profiles.keySet();
    }

    private static List<KpiId> kpis(String... ids) {
        return Arrays.stream(ids).map(KpiId::of).toList();
    }

    private static Map<Role, RoleProfile> standardProfiles() {
        Map<Role, RoleProfile> map = new EnumMap<>(Role.class);
        map.put(Role.DEPARTMENT_GENERAL_MANAGER, new RoleProfile(Role.DEPARTMENT_GENERAL_MANAGER,
                List.of(of("部门策略制订，预算制订", "Set the department's strategy and budget"),
                        of("巩固“金牌客户”关系", "Consolidate the relationships with the gold-tier customers"),
                        of("部门人事管理、激励与考核管理", "Manage the department's staff, incentives and assessment"),
                        of("商务授权", "Grant commercial authority")),
                List.of(of("有强烈的利润分析能力和获取欲望，有很强的决策能力和全局意识",
                                "Strong profit analysis and drive, strong decision-making and a view of the whole"),
                        of("有非常良好的沟通技巧，熟悉公司的产品战略，有较强的客户管理能力",
                                "Very good communication, knows the company's product strategy, strong customer management"),
                        of("有丰富的大型营销团队管理经验和良好业绩",
                                "Long experience and a good record in leading large sales teams")),
                kpis("customer-satisfaction", "churn-rate", "customer-spend")));
        map.put(Role.INDUSTRY_MANAGER, new RoleProfile(Role.INDUSTRY_MANAGER,
                List.of(of("制定、监督执行客户发展计划，提出保证所负责行业获利能力持续增长的中短期计划和策略设想",
                                "Set and oversee the customer development plan; propose short- and mid-term plans that keep the industry's profitability growing"),
                        of("发掘并满足关键客户的各种潜在业务需求", "Uncover and meet the key customers' latent service needs"),
                        of("制定相应的业务组合方案，并提出定价建议", "Design service bundles and propose their prices"),
                        of("为客户经理提供支持并负责团队管理", "Support the account managers and lead the team")),
                List.of(of("具备深厚的行业知识和行业分析能力", "Deep knowledge and analysis of the industry"),
                        of("具亲和力，人际交往能力强，有较强的客户管理能力",
                                "Approachable, good with people, strong customer management"),
                        of("通晓大客户的主要通信业务知识", "Knows the key customers' main telecom services")),
                kpis("customer-satisfaction", "churn-rate", "customer-spend", "forecast-accuracy")));
        map.put(Role.ACCOUNT_MANAGER, new RoleProfile(Role.ACCOUNT_MANAGER,
                List.of(of("发掘并满足客户的各种潜在业务需求", "Uncover and meet the customer's latent service needs"),
                        of("提出相应的业务组合方案及定价建议", "Propose service bundles and their prices"),
                        of("建立深层客户关系，提供关怀服务，促进销售和业务消费，建立完整的客户档案",
                                "Build deep customer relationships and care, grow sales and usage, keep a complete customer file")),
                List.of(of("具亲和力，人际交往能力强", "Approachable and good with people"),
                        of("与关键客户的主要决策者（如技术主管、运营总裁）有较好关系",
                                "Good relations with the key customer's main decision makers (technical head, COO)"),
                        of("通晓大客户的主要通信业务知识", "Knows the key customers' main telecom services")),
                kpis("customer-satisfaction", "churn-rate", "customer-spend", "market-response-compliance",
                        "arrears-rate", "stage-on-time-rate")));
        map.put(Role.MARKET_ANALYST, new RoleProfile(Role.MARKET_ANALYST,
                List.of(of("市场信息资料的收集整理、分析的实施性工作", "Collect, organise and analyse market information"),
                        of("市场调研活动的策划及实施", "Plan and run market surveys"),
                        of("市场分析研究", "Market analysis and research")),
                List.of(of("具有敏锐的市场洞察力", "A keen eye for the market"),
                        of("对关键信息具有较强的获取能力和整理分析能力", "Finds, organises and analyses key information well"),
                        of("通晓各种电信业务及行业知识", "Knows the telecom services and the industries")),
                kpis("forecast-accuracy", "return-visit-timeliness")));
        map.put(Role.TECHNICAL_MANAGER, new RoleProfile(Role.TECHNICAL_MANAGER,
                List.of(of("产品方案拟订、筛选、评估及方案库的建立和维护",
                                "Draft, select and assess product solutions; build and keep the solution library"),
                        of("向后端提出资源确认及预占需求", "Ask the back end to confirm and reserve resources"),
                        of("配合客户经理进行产品演示、技术交流、技术谈判及客户培训，指导客户完成本地化开发/集成",
                                "With the account manager, demonstrate, discuss, negotiate and train; guide the customer's local development and integration")),
                List.of(of("熟悉公司各种产品及其特性（技术特性、投资回报周期、利润率等）",
                                "Knows the company's products and their traits (technology, payback period, margin)"),
                        of("精通至少2种电信产品的技术细节", "Masters the technical detail of at least two telecom products"),
                        of("熟练应用计算机工具辅助方案设计，能在短时间内完成较为成熟的技术方案",
                                "Designs solutions with computer tools and delivers a mature technical solution quickly")),
                kpis("response-timeliness", "solution-pass-rate")));
        map.put(Role.BUSINESS_MANAGER, new RoleProfile(Role.BUSINESS_MANAGER,
                List.of(of("保证业务受理流程的顺利实施", "Keep the order-taking process running smoothly"),
                        of("快速受理及查询，找到影响竣工的环节和原因",
                                "Take and trace orders quickly and find the steps and causes that delay completion")),
                List.of(of("熟练掌握各类系统的营业及查询界面的应用，能快速受理及查询",
                                "Fluent in the systems' order and query screens; takes and traces orders quickly"),
                        of("熟悉各类业务的流程，能快速找到影响竣工的环节和原因",
                                "Knows each service's process and quickly finds what delays completion")),
                kpis("market-response-compliance", "acceptance-compliance")));
        map.put(Role.FINANCIAL_MANAGER, new RoleProfile(Role.FINANCIAL_MANAGER,
                List.of(of("内部业务方案的财务评估", "Assess the finances of internal service proposals"),
                        of("成本控制与财务效益指标分析", "Control costs and analyse the financial KPIs"),
                        of("评估价格空间，制订底价并适时调整", "Assess the price room; set the floor price and adjust it in time"),
                        of("对行业经理的财务效益进行分析与评估", "Analyse and assess the industry managers' financial results")),
                List.of(of("具有实际财务工作经验", "Practical experience in finance"),
                        of("能够利用各种财务分析工具", "Uses the financial analysis tools"),
                        of("具有丰富的财务管理的知识", "Broad knowledge of financial management")),
                kpis("arrears-rate", "capex-ratio", "capex-per-line")));
        map.put(Role.STATION_MANAGER, new RoleProfile(Role.STATION_MANAGER,
                List.of(of("从工位交接到问题处理形成闭环，使职责清晰化便于管理",
                                "Close the loop from the station's hand-over to problem handling, so duties are clear"),
                        of("排障（工位）并记录返单", "Have faults repaired at the station, recorded and returned")),
                List.of(of("熟悉电信网络及计算机网络技术", "Knows telecom and computer networks"),
                        of("熟悉各种电信业务及技术应用", "Knows the telecom services and their technical use")),
                kpis("stage-on-time-rate", "fault-handling-timeliness", "resource-utilization",
                        "market-response-compliance")));
        map.put(Role.STATION_EXECUTOR, new RoleProfile(Role.STATION_EXECUTOR,
                List.of(of("执行工单在本工位的环节", "Carry out the work order's stage at the station"),
                        of("排障（工位）、记录并返单", "Repair faults at the station, record them and return the order")),
                List.of(of("熟悉各类业务的流程", "Knows each service's process"),
                        of("熟悉各种电信业务及技术应用", "Knows the telecom services and their technical use")),
                kpis("stage-on-time-rate", "fault-handling-timeliness")));
        return map;
    }
}
