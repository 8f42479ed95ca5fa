package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.UserId;
import org.junit.jupiter.api.Test;

class AccountTeamTest {

    private static final UserId U = new UserId("u1");

    @Test
    void everyMemberIsRequired() {
        assertThatThrownBy(() -> new AccountTeam(null, U, U)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("industryManager");
        assertThatThrownBy(() -> new AccountTeam(U, null, U)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("technicalManager");
        assertThatThrownBy(() -> new AccountTeam(U, U, null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("businessManager");
    }

    @Test
    void oneMayHoldSeveralRoles() {
        assertThat(new AccountTeam(U, U, U).businessManager()).isEqualTo(U);
    }
}
