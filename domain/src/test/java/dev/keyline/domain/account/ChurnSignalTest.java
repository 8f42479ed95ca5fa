package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChurnSignalTest {

    private static final LocalDate D = LocalDate.of(2024, 5, 1);

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new ChurnSignal(" ", ChurnSignalKind.OTHER, D, "x")).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("rule");
        assertThatThrownBy(() -> new ChurnSignal("r", null, D, "x")).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> new ChurnSignal("r", ChurnSignalKind.OTHER, null, "x")).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("observedOn");
        assertThatThrownBy(() -> new ChurnSignal("r", ChurnSignalKind.OTHER, D, "")).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("detail");
    }
}
