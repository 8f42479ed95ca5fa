package dev.keyline.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.KpiId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The role catalogue: the seed's nine roles, their entries' rules, and replacing an entry. */
class RoleCatalogueTest {

    /** The KPI ids the catalogue may name; the KPI catalogue is the authority on them. */
    private static final Set<String> KNOWN_KPIS = Set.of("market-response-compliance", "fault-handling-timeliness",
            "churn-rate", "forecast-accuracy", "resource-utilization", "capex-ratio", "capex-per-line",
            "acceptance-compliance", "arrears-rate", "customer-satisfaction", "customer-spend", "stage-on-time-rate",
            "return-visit-timeliness", "solution-pass-rate", "response-timeliness");

    @Test
    void theStandardCatalogueCoversTheNineRolesWithDutiesSkillsAndKnownKpis() {
        RoleCatalogue catalogue = RoleCatalogue.standard();
        assertThat(catalogue.profiles()).extracting(RoleProfile::role).containsExactlyInAnyOrderElementsOf(RoleCatalogue.ROLES);
        assertThat(RoleCatalogue.ROLES).hasSize(9);
        for (RoleProfile profile : catalogue.profiles()) {
            assertThat(profile.duties()).as(profile.role() + " duties").isNotEmpty();
            assertThat(profile.skills()).as(profile.role() + " skills").isNotEmpty();
            assertThat(profile.kpis()).as(profile.role() + " KPIs").isNotEmpty();
            assertThat(profile.kpis().stream().map(KpiId::value).collect(Collectors.toSet())).isSubsetOf(KNOWN_KPIS);
        }
        assertThat(catalogue.profile(Role.FINANCIAL_MANAGER).duties()).extracting(Phrase::chinese)
                .contains("评估价格空间，制订底价并适时调整");
        assertThat(catalogue.rolesAssessedOn(KpiId.of("churn-rate")))
                .containsExactlyInAnyOrder(Role.DEPARTMENT_GENERAL_MANAGER, Role.INDUSTRY_MANAGER, Role.ACCOUNT_MANAGER);
    }

    @Test
    void aHostReplacesOneEntryAndTheRestStays() {
        RoleProfile analyst = new RoleProfile(Role.MARKET_ANALYST, List.of(Phrase.of("市场分析研究", "Market research")),
                List.of(Phrase.of("具有敏锐的市场洞察力", "A keen eye for the market")), List.of(KpiId.of("churn-rate")));
        RoleCatalogue replaced = RoleCatalogue.standard().with(analyst);
        assertThat(replaced.profile(Role.MARKET_ANALYST)).isEqualTo(analyst);
        assertThat(replaced.profile(Role.ACCOUNT_MANAGER)).isEqualTo(RoleCatalogue.standard().profile(Role.ACCOUNT_MANAGER));
        assertThat(RoleCatalogue.standard().profile(Role.MARKET_ANALYST)).isNotEqualTo(analyst);
        assertThat(replaced).isNotEqualTo(RoleCatalogue.standard());
    }

    @Test
    void anEntryNeedsDutiesSkillsUniqueKpisAndACatalogueRole() {
        List<Phrase> one = List.of(Phrase.of("职责", "duty"));
        assertThatThrownBy(() -> new RoleProfile(Role.ACCOUNT_MANAGER, List.of(), one, List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("duties");
        assertThatThrownBy(() -> new RoleProfile(Role.ACCOUNT_MANAGER, one, List.of(), List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("skills");
        assertThatThrownBy(() -> new RoleProfile(Role.ACCOUNT_MANAGER, one, one,
                List.of(KpiId.of("churn-rate"), KpiId.of("churn-rate")))).hasMessageContaining("kpis");
        assertThatThrownBy(() -> new RoleProfile(Role.GENERAL_MANAGER, one, one, List.of()))
                .hasMessageContaining("not a role of the catalogue");
        assertThatThrownBy(() -> RoleCatalogue.standard().profile(Role.IT_SUPPORT)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Phrase.of(" ", "x")).hasMessageContaining("chinese");
    }
}
