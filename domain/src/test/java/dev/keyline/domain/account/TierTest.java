package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TierTest {

    @Test
    void localIsLevelOneAndNationalLevelTwo() {
        assertThat(Tier.LOCAL.level()).hasValue(1);
        assertThat(Tier.NATIONAL.level()).hasValue(2);
        assertThat(Tier.POTENTIAL.level()).isEmpty();
        assertThat(Tier.NONE.level()).isEmpty();
    }

    @Test
    void onlyLocalAndNationalAreKeyAccounts() {
        assertThat(Tier.LOCAL.isKeyAccount()).isTrue();
        assertThat(Tier.NATIONAL.isKeyAccount()).isTrue();
        assertThat(Tier.POTENTIAL.isKeyAccount()).isFalse();
        assertThat(Tier.NONE.isKeyAccount()).isFalse();
    }
}
