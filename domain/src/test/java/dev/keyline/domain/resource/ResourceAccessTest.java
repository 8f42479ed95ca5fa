package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may run pools and who may reserve, role by role. */
class ResourceAccessTest {

    private static final Set<Role> POOLS = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER);
    private static final Set<Role> RESERVING = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER,
            Role.MARKETING_MANAGER);
    private static final Set<Role> SPARE_HANDLING = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER,
            Role.STATION_MANAGER);

    @Test
    void eachRoleMayExactlyWhatTheRulesSay() {
        for (Role role : Role.values()) {
            Actor actor = Actor.withRoles(new UserId("u"), role);
            assertThat(ResourceAccess.mayManagePools(actor)).as(role + " manages pools").isEqualTo(POOLS.contains(role));
            assertThat(ResourceAccess.mayReserve(actor)).as(role + " reserves").isEqualTo(RESERVING.contains(role));
            if (!RESERVING.contains(role)) {
                assertThatThrownBy(() -> ResourceAccess.requireMayReserve(actor, "reserve 3 ports"))
                        .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("may not reserve 3 ports");
            }
        }
        Actor both = Actor.withRoles(new UserId("u"), Role.ACCOUNT_MANAGER, Role.MARKETING_MANAGER);
        assertThat(ResourceAccess.requireMayReserve(both, "reserve")).isEqualTo(Role.MARKETING_MANAGER);
        assertThatThrownBy(() -> ResourceAccess.requireMayManagePools(both, "retire ports"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("may not retire ports");
    }

    @Test
    void theNetworkCentreKeepsSparePartStocksAndAStationAlsoHandlesParts() {
        for (Role role : Role.values()) {
            Actor actor = Actor.withRoles(new UserId("u"), role);
            assertThat(ResourceAccess.mayManageSpares(actor)).as(role + " keeps stocks").isEqualTo(POOLS.contains(role));
            assertThat(ResourceAccess.mayHandleSpares(actor)).as(role + " handles parts")
                    .isEqualTo(SPARE_HANDLING.contains(role));
            if (!SPARE_HANDLING.contains(role)) {
                assertThatThrownBy(() -> ResourceAccess.requireMayHandleSpares(actor, "issue 2 optical modules"))
                        .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("may not issue 2 optical modules");
            }
        }
        Actor station = Actor.withRoles(new UserId("u"), Role.STATION_MANAGER);
        assertThat(ResourceAccess.requireMayHandleSpares(station, "return a module")).isEqualTo(Role.STATION_MANAGER);
        assertThatThrownBy(() -> ResourceAccess.requireMayManageSpares(station, "scrap a module"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("may not scrap a module");
    }
}
