package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PotentialFlagsTest {

    @Test
    void noneHasNoFlag() {
        assertThat(PotentialFlags.none().any()).isFalse();
    }

    @Test
    void anyFlagCounts() {
        assertThat(new PotentialFlags(true, Optional.empty(), Optional.empty()).any()).isTrue();
        assertThat(new PotentialFlags(false, Optional.of(InfluencerKind.PROPERTY_MANAGER), Optional.empty()).any()).isTrue();
        assertThat(new PotentialFlags(false, Optional.empty(), Optional.of("new port")).any()).isTrue();
    }

    @Test
    void designationReasonIsTrimmed() {
        assertThat(new PotentialFlags(false, Optional.empty(), Optional.of("  new port ")).designationReason()).contains("new port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankDesignationReasonIsRejected(String reason) {
        assertThatThrownBy(() -> new PotentialFlags(false, Optional.empty(), Optional.of(reason)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("designationReason");
    }

    @Test
    void nullOptionalsAreRejected() {
        assertThatThrownBy(() -> new PotentialFlags(false, null, Optional.empty())).hasMessageContaining("influencer");
        assertThatThrownBy(() -> new PotentialFlags(false, Optional.empty(), null)).hasMessageContaining("designationReason");
    }
}
