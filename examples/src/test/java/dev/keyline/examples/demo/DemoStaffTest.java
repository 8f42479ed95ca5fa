package dev.keyline.examples.demo;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoStaffTest {

    @Test
    void eachNetworkHasItsGeneralManagerAndAccountManagers() {
        assertThat(DemoStaff.generalManagerOf(SeedMinimums.SUZHOU).hasRole(Role.DEPARTMENT_GENERAL_MANAGER)).isTrue();
        assertThat(DemoStaff.generalManagerOf(SeedMinimums.KUNMING).user())
                .isNotEqualTo(DemoStaff.generalManagerOf(SeedMinimums.SUZHOU).user());
        assertThat(DemoStaff.accountManagersOf(SeedMinimums.SUZHOU)).hasSize(3)
                .doesNotContainAnyElementsOf(DemoStaff.accountManagersOf(SeedMinimums.KUNMING));
        assertThatThrownBy(() -> DemoStaff.generalManagerOf(new LocalNetworkId("GZ")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("network");
    }

    @Test
    void everySeedIndustryHasExactlyOneIndustryManager() {
        for (Industry industry : EnumSet.complementOf(EnumSet.of(Industry.OTHER))) {
            assertThat(DemoStaff.industryManagerFor(industry).leadsIndustry(industry)).as(industry.name()).isTrue();
        }
        assertThatThrownBy(() -> DemoStaff.industryManagerFor(Industry.OTHER))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("industry");
    }

    @Test
    void writesRolesWithTheirSeedTerms() {
        assertThat(DemoStaff.rolesOf(DemoStaff.FINANCIAL_MANAGER)).isEqualTo("FINANCIAL_MANAGER (财务经理)");
    }
}
