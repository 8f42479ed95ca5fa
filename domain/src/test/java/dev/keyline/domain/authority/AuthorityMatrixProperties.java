package dev.keyline.domain.authority;

import static dev.keyline.domain.authority.AuthorityGenerators.actors;
import static dev.keyline.domain.authority.AuthorityGenerators.authorityMatrices;
import static dev.keyline.domain.authority.AuthorityGenerators.priceOffers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.common.AuthorityExceededException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Role;

/** The discount authority of random actors over random offers, against {@link PriceRulesOracle}. */
class AuthorityMatrixProperties {

    @Test
    void anActorsStrongestRoleDecidesWhetherTheDiscountIsCovered() {
        qt().withExamples(2000).forAll(actors(), authorityMatrices(), priceOffers()).checkAssert((actor, matrix, offer) -> {
            boolean expected = PriceRulesOracle.covers(actor, matrix, offer);
            assertThat(matrix.strongestRoleOf(actor)).isEqualTo(PriceRulesOracle.strongest(actor, matrix));
            assertThat(matrix.covers(actor, offer)).as("%s under %s for %s", actor, matrix, offer).isEqualTo(expected);
            if (expected) {
                assertThat(matrix.requireCovers(actor, offer)).isEqualTo(PriceRulesOracle.strongest(actor, matrix).orElseThrow());
            } else if (PriceRulesOracle.strongest(actor, matrix).isEmpty()) {
                assertThatThrownBy(() -> matrix.requireCovers(actor, offer))
                        .isInstanceOf(AuthorityExceededException.class)
                        .hasMessageContaining("no discount authority")
                        .hasMessageContaining(offer.discount().toPlainString());
            } else {
                Role role = PriceRulesOracle.strongest(actor, matrix).orElseThrow();
                BigDecimal maximum = matrix.maximumDiscountOf(role).orElseThrow();
                assertThatThrownBy(() -> matrix.requireCovers(actor, offer))
                        .isInstanceOf(AuthorityExceededException.class)
                        .hasMessageContaining(role.name())
                        .hasMessageContaining(maximum.toPlainString())
                        .hasMessageContaining(offer.discount().toPlainString());
            }
        });
    }

    @Test
    void theMostJuniorCoveringRoleIsTheSmallestSufficientMaximum() {
        qt().withExamples(1000).forAll(authorityMatrices(), priceOffers()).checkAssert((matrix, offer) ->
                assertThat(matrix.mostJuniorRoleCovering(offer))
                        .isEqualTo(PriceRulesOracle.addressee(offer, null, matrix)));
    }
}
