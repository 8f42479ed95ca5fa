package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleNamesItsSeedTerm(Role role) {
        assertThat(role.seedTerm()).isNotBlank();
        assertThat(role.seedTerm().codePoints()).anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void seedTermsAreDistinct() {
        assertThat(Arrays.stream(Role.values()).map(Role::seedTerm)).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheGeneralManagersChangeEveryAccount() {
        EnumSet<Role> everyAccount = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.changesEveryAccount()) {
                everyAccount.add(role);
            }
        }
        assertThat(everyAccount).containsExactlyInAnyOrder(Role.GENERAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
    }

    @Test
    void theSeedsKeyRolesCarryTheirChineseNames() {
        assertThat(Role.ACCOUNT_MANAGER.seedTerm()).isEqualTo("客户经理");
        assertThat(Role.INDUSTRY_MANAGER.seedTerm()).isEqualTo("行业经理");
    }
}
