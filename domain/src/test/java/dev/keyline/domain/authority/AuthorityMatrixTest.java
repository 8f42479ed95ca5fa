package dev.keyline.domain.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

class AuthorityMatrixTest {

    private static final AuthorityMatrix MATRIX = AuthorityMatrix.of(Map.of(
            Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
            Role.INDUSTRY_MANAGER, new BigDecimal("0.15"),
            Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30")));

    private static PriceOffer offer(String list, String offered) {
        return new PriceOffer(new AccountId("A-BANK"), new ProductCode("DDN"),
                Money.cny(list), Money.cny(offered));
    }

    @Test
    void theStrongestRoleDecidesAndCoversUpToItsMaximumInclusive() {
        Actor actor = Actor.withRoles(new UserId("chen"), Role.ACCOUNT_MANAGER, Role.INDUSTRY_MANAGER);
        assertThat(MATRIX.strongestRoleOf(actor)).contains(Role.INDUSTRY_MANAGER);
        assertThat(MATRIX.covers(actor, offer("1000.00", "850.00"))).isTrue();
        assertThat(MATRIX.requireCovers(actor, offer("1000.00", "850.00"))).isEqualTo(Role.INDUSTRY_MANAGER);
        assertThat(MATRIX.covers(actor, offer("1000.00", "849.99"))).isFalse();
    }

    @Test
    void exceedingTheAuthorityNamesTheRoleItsMaximumAndTheRequestedDiscount() {
        Actor actor = Actor.withRoles(new UserId("wang"), Role.ACCOUNT_MANAGER);
        assertThatThrownBy(() -> MATRIX.requireCovers(actor, offer("1000.00", "800.00")))
                .isInstanceOf(AuthorityExceededException.class)
                .hasMessageContaining("ACCOUNT_MANAGER")
                .hasMessageContaining("0.05")
                .hasMessageContaining("0.2");
    }

    @Test
    void aRoleNotInTheMatrixHasNoAuthorityEvenAtListPrice() {
        Actor technical = Actor.withRoles(new UserId("tech"), Role.TECHNICAL_MANAGER);
        assertThat(MATRIX.strongestRoleOf(technical)).isEmpty();
        assertThat(MATRIX.covers(technical, offer("100.00", "100.00"))).isFalse();
        assertThatThrownBy(() -> MATRIX.requireCovers(technical, offer("100.00", "100.00")))
                .isInstanceOf(AuthorityExceededException.class).hasMessageContaining("no discount authority");
        assertThat(MATRIX.maximumDiscountOf(Role.TECHNICAL_MANAGER)).isEmpty();
    }

    @Test
    void tiesGoToTheRoleDeclaredFirst() {
        AuthorityMatrix tied = AuthorityMatrix.of(Map.of(Role.BUSINESS_MANAGER, new BigDecimal("0.1"),
                Role.ACCOUNT_MANAGER, new BigDecimal("0.10")));
        Actor actor = Actor.withRoles(new UserId("x"), Role.BUSINESS_MANAGER, Role.ACCOUNT_MANAGER);
        assertThat(tied.strongestRoleOf(actor)).contains(Role.ACCOUNT_MANAGER);
        assertThat(tied.mostJuniorRoleCovering(offer("10.00", "9.50"))).contains(Role.ACCOUNT_MANAGER);
        assertThat(tied.mostSeniorRole()).contains(Role.ACCOUNT_MANAGER);
    }

    @Test
    void theMostJuniorCoveringRoleIsTheOneWithTheSmallestSufficientMaximum() {
        assertThat(MATRIX.mostJuniorRoleCovering(offer("100.00", "96.00"))).contains(Role.ACCOUNT_MANAGER);
        assertThat(MATRIX.mostJuniorRoleCovering(offer("100.00", "90.00"))).contains(Role.INDUSTRY_MANAGER);
        assertThat(MATRIX.mostJuniorRoleCovering(offer("100.00", "70.00"))).contains(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(MATRIX.mostJuniorRoleCovering(offer("100.00", "69.99"))).isEmpty();
        assertThat(MATRIX.mostSeniorRole()).contains(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(AuthorityMatrix.empty().mostSeniorRole()).isEmpty();
    }

    @Test
    void maximumsAreNormalisedAndTheMatrixIsImmutable() {
        Map<Role, BigDecimal> source = new HashMap<>(Map.of(Role.ACCOUNT_MANAGER, new BigDecimal("0.100")));
        AuthorityMatrix matrix = AuthorityMatrix.of(source);
        source.put(Role.GENERAL_MANAGER, BigDecimal.ONE);
        assertThat(matrix).isEqualTo(AuthorityMatrix.of(Map.of(Role.ACCOUNT_MANAGER, new BigDecimal("0.1"))));
        assertThat(matrix.maximumDiscounts()).containsOnlyKeys(Role.ACCOUNT_MANAGER);
        assertThatThrownBy(() -> matrix.maximumDiscounts().put(Role.GENERAL_MANAGER, BigDecimal.ONE))
                .isInstanceOf(UnsupportedOperationException.class);
        AuthorityMatrix wider = matrix.with(Role.GENERAL_MANAGER, new BigDecimal("0.5"));
        assertThat(wider.maximumDiscountOf(Role.GENERAL_MANAGER)).contains(new BigDecimal("0.5"));
        assertThat(matrix.maximumDiscountOf(Role.GENERAL_MANAGER)).isEmpty();
        assertThat(AuthorityMatrix.of(Map.of(Role.ACCOUNT_MANAGER, new BigDecimal("0.000"))).maximumDiscountOf(Role.ACCOUNT_MANAGER))
                .contains(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1.01", "2", "-1"})
    void rejectsMaximumsOutsideZeroToOne(String maximum) {
        assertThatThrownBy(() -> AuthorityMatrix.of(Map.of(Role.INDUSTRY_MANAGER, new BigDecimal(maximum))))
                .isInstanceOfSatisfying(InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("maximumDiscounts[INDUSTRY_MANAGER]"))
                .hasMessageContaining(maximum);
        assertThatThrownBy(() -> MATRIX.with(Role.INDUSTRY_MANAGER, new BigDecimal(maximum)))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void rejectsNulls() {
        Map<Role, BigDecimal> nullValue = new HashMap<>();
        nullValue.put(Role.ACCOUNT_MANAGER, null);
        Map<Role, BigDecimal> nullKey = new HashMap<>();
        nullKey.put(null, BigDecimal.ONE);
        assertThatThrownBy(() -> AuthorityMatrix.of(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> AuthorityMatrix.of(nullValue)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ACCOUNT_MANAGER");
        assertThatThrownBy(() -> AuthorityMatrix.of(nullKey)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MATRIX.with(null, BigDecimal.ONE)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MATRIX.with(Role.ACCOUNT_MANAGER, null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MATRIX.maximumDiscountOf(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MATRIX.strongestRoleOf(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MATRIX.covers(Actor.withRoles(new UserId("x"), Role.ACCOUNT_MANAGER), null))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MATRIX.mostJuniorRoleCovering(null)).isInstanceOf(InvalidArgumentException.class);
    }
}
