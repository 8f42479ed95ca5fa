package dev.keyline.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.ScorecardDefinition;
import dev.keyline.domain.kpi.SeedScorecards;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The role catalogue against the KPI catalogue and the seed's scorecards: every KPI a role is
 * assessed on is defined, and every scorecard of a catalogued role names only KPIs its role's entry
 * lists.
 */
class RoleCatalogueKpiTest {

    /**
     * The scorecard roles outside the role catalogue: the catalogue covers the key-account sales
     * team and the provisioning stations (nine roles); IT support and the network and marketing
     * centres' managers are assessed by the seed's scorecards but have no entry in it.
     */
    private static final Set<Role> SCORECARD_ROLES_OUTSIDE_THE_CATALOGUE =
            Set.of(Role.IT_SUPPORT, Role.NETWORK_CENTRE_MANAGER, Role.MARKETING_MANAGER);

    @Test
    void everyKpiARoleIsAssessedOnIsInTheKpiCatalogue() {
        KpiCatalogue kpis = KpiCatalogue.seed();
        for (RoleProfile profile : RoleCatalogue.standard().profiles()) {
            assertThat(profile.kpis()).as(profile.role() + "'s KPIs").allSatisfy(id ->
                    assertThat(kpis.contains(id)).as(id + " of " + profile.role() + " is a catalogued KPI").isTrue());
        }
    }

    @Test
    void everyScorecardOfACataloguedRoleNamesOnlyKpisItsRoleIsAssessedOn() {
        RoleCatalogue roles = RoleCatalogue.standard();
        for (ScorecardDefinition scorecard : SeedScorecards.all()) {
            if (SCORECARD_ROLES_OUTSIDE_THE_CATALOGUE.contains(scorecard.role())) {
                assertThat(RoleCatalogue.ROLES).as(scorecard.id()).doesNotContain(scorecard.role());
                continue;
            }
            List<KpiId> assessedOn = roles.profile(scorecard.role()).kpis();
            assertThat(assessedOn).as(scorecard.id() + "'s KPIs in the entry of " + scorecard.role())
                    .containsAll(scorecard.kpis());
        }
    }

    @Test
    void theScorecardRolesOutsideTheCatalogueAreExactlyThoseWithoutAnEntry() {
        for (ScorecardDefinition scorecard : SeedScorecards.all()) {
            assertThat(RoleCatalogue.ROLES.contains(scorecard.role()))
                    .as(scorecard.id() + " of " + scorecard.role())
                    .isNotEqualTo(SCORECARD_ROLES_OUTSIDE_THE_CATALOGUE.contains(scorecard.role()));
        }
    }
}
