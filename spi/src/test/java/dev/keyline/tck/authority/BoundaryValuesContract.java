package dev.keyline.tck.authority;

import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.KernelGenerators;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values of commercial authorisation at the domain's bounds ({@link Limits}) survive a save and a
 * load verbatim: the longest ids and free texts (in ASCII, CJK, astral characters counted as two,
 * and with quotes and SQL metacharacters), the largest money and discount ratios with every decimal
 * the domain keeps. Whatever the domain accepts, a provider must store; a storage failure here is
 * a provider defect. A provider runs it through {@link AuthorityAreaContract}; it needs only the
 * authority area's repositories.
 */
public abstract class BoundaryValuesContract extends StorageBackedContract {

    private static final Money LARGEST = Money.cny(Limits.MAX_MONEY);
    private static final List<String> TEXTS = KernelGenerators.boundaryTextList(Limits.TEXT_LENGTH);

    private final AccountAreaSamples samples = new AccountAreaSamples();

    /** An id of the longest length: the prefix and the test's counter, zero-padded to fill it. */
    private String longestId(String prefix) {
        String id = samples.nextId(prefix);
        return prefix + "0".repeat(Limits.ID_LENGTH - id.length()) + id.substring(prefix.length());
    }

    @Test
    void priceRequestsAndFloorPricesAtTheBoundsRoundTripVerbatim() {
        Actor finance = Actor.withRoles(new UserId(longestId("U")), Role.FINANCIAL_MANAGER);
        Actor director = Actor.withRoles(new UserId(longestId("U")), Role.DEPARTMENT_GENERAL_MANAGER);
        ProductCode product = new ProductCode(longestId("P"));
        FloorPriceList floors = FloorPriceList.create(new FloorPriceListId(longestId("FL")));
        floors.setFloorPrice(finance, product, LARGEST, T0);
        AuthorityMatrix matrix = AuthorityMatrix.of(Map.of(Role.DEPARTMENT_GENERAL_MANAGER,
                new BigDecimal("0.999999999999")));
        for (int i = 0; i < TEXTS.size(); i++) {
            AccountId account = new AccountId(longestId("KA"));
            Actor requester = Actor.accountManager(new UserId(longestId("U")));
            PriceAuthorisation request = PriceAuthorisation.request(new PriceAuthorisationId(longestId("PA")),
                    new PriceOffer(account, product, LARGEST, Money.cny("0.01").plus(Money.cny(BigDecimal.valueOf(i)))),
                    requester, TEXTS.get(i), floors, matrix, T0.plusSeconds(1));
            request.approve(finance, matrix, TEXTS.get((i + 1) % TEXTS.size()), T0.plusSeconds(2));
            request.approve(director, matrix, TEXTS.get((i + 2) % TEXTS.size()), T0.plusSeconds(3));
            inTransaction(() -> {
                storage.port(PriceAuthorisationRepository.class).save(request);
                return null;
            });
            assertThat(inTransaction(() -> storage.port(PriceAuthorisationRepository.class).find(request.id())).orElseThrow().snapshot())
                    .as("request with boundary text %d", i).isEqualTo(request.snapshot());
        }
        inTransaction(() -> {
            storage.port(FloorPriceListRepository.class).save(floors);
            return null;
        });
        assertThat(inTransaction(() -> storage.port(FloorPriceListRepository.class).find(floors.id())).orElseThrow().snapshot())
                .isEqualTo(floors.snapshot());
    }
}
