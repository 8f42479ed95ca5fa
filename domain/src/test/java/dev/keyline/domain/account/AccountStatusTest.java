package dev.keyline.domain.account;

import static dev.keyline.domain.account.AccountStatus.ACTIVE;
import static dev.keyline.domain.account.AccountStatus.CHURN_WARNING;
import static dev.keyline.domain.account.AccountStatus.EXITED;
import static dev.keyline.domain.account.AccountStatus.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AccountStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "PROSPECT, PROSPECT, false", "PROSPECT, ACTIVE, true", "PROSPECT, CHURN_WARNING, false", "PROSPECT, EXITED, true",
        "ACTIVE, PROSPECT, false", "ACTIVE, ACTIVE, false", "ACTIVE, CHURN_WARNING, true", "ACTIVE, EXITED, true",
        "CHURN_WARNING, PROSPECT, false", "CHURN_WARNING, ACTIVE, true", "CHURN_WARNING, CHURN_WARNING, false",
        "CHURN_WARNING, EXITED, true",
        "EXITED, PROSPECT, false", "EXITED, ACTIVE, false", "EXITED, CHURN_WARNING, false", "EXITED, EXITED, false"})
    void allowsExactlyTheDocumentedTransitions(AccountStatus from, AccountStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(AccountStatus.class)
    void aNullTargetIsRejectedByName(AccountStatus status) {
        assertThatThrownBy(() -> status.canMoveTo(null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("target"));
    }

    @Test
    void onlyExitedIsFinalAndOnlyActiveAndWarnedAreServed() {
        assertThat(EXITED.isFinal()).isTrue();
        assertThat(PROSPECT.isFinal() || ACTIVE.isFinal() || CHURN_WARNING.isFinal()).isFalse();
        assertThat(ACTIVE.isServed()).isTrue();
        assertThat(CHURN_WARNING.isServed()).isTrue();
        assertThat(PROSPECT.isServed() || EXITED.isServed()).isFalse();
    }
}
