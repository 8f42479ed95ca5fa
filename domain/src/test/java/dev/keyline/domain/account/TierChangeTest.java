package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TierChangeTest {

    private static final UserId U1 = new UserId("u1");
    private static final UserId U2 = new UserId("u2");
    private static final Instant AT = Instant.parse("2024-07-01T08:00:00Z");
    private static final TierChangeCause RUN = new TierChangeCause.ClassificationRun("share", LocalDate.of(2024, 7, 1));

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("from", (Runnable) () -> new TierChange(null, Tier.LOCAL, AT, U1, RUN)),
                Arguments.of("to", (Runnable) () -> new TierChange(Tier.NONE, null, AT, U1, RUN)),
                Arguments.of("at", (Runnable) () -> new TierChange(Tier.NONE, Tier.LOCAL, null, U1, RUN)),
                Arguments.of("by", (Runnable) () -> new TierChange(Tier.NONE, Tier.LOCAL, AT, null, RUN)),
                Arguments.of("cause", (Runnable) () -> new TierChange(Tier.NONE, Tier.LOCAL, AT, U1, null)),
                Arguments.of("to", (Runnable) () -> new TierChange(Tier.LOCAL, Tier.LOCAL, AT, U1, RUN)),
                Arguments.of("approvedBy", (Runnable) () -> new TierChange(Tier.NONE, Tier.LOCAL, AT, U1,
                        new TierChangeCause.ManualOverride("board decision", U1))),
                Arguments.of("ruleName", (Runnable) () -> new TierChangeCause.ClassificationRun(" ", LocalDate.of(2024, 7, 1))),
                Arguments.of("runDate", (Runnable) () -> new TierChangeCause.ClassificationRun("share", null)),
                Arguments.of("reason", (Runnable) () -> new TierChangeCause.ManualOverride("", U2)),
                Arguments.of("approvedBy", (Runnable) () -> new TierChangeCause.ManualOverride("why", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidInputNamingTheField(String field, Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).argument()).isEqualTo(field));
    }

    @Test
    void manualOverrideByOneApprovedByAnotherIsValidAndTrimmed() {
        TierChange change = new TierChange(Tier.LOCAL, Tier.NATIONAL, AT, U1, new TierChangeCause.ManualOverride(" board ", U2));
        assertThat(((TierChangeCause.ManualOverride) change.cause()).reason()).isEqualTo("board");
    }
}
