package dev.keyline.tck.authority;

import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static dev.keyline.tck.account.AccountAreaSamples.decide;
import static dev.keyline.tck.account.AccountAreaSamples.decided;
import static dev.keyline.tck.account.AccountAreaSamples.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityGenerators;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link PriceAuthorisationRepository}: the generic version-conflict
 * tests of {@link AggregateRepositoryContract} on real price authorisations (whose change records
 * an approval), the queries and full round trips of requests with every kind of decision. A
 * provider runs it by extending {@link AuthorityAreaContract}, or this class directly with
 * {@link #newStorage()}.
 */
public abstract class PriceAuthorisationRepositoryContract
        extends AggregateRepositoryContract<PriceAuthorisation, PriceAuthorisationId, PriceAuthorisationSnapshot> {

    /** The product of the hand-made requests. */
    protected static final ProductCode DDN = new ProductCode("DDN");

    /** The authority matrix of the hand-made requests: industry manager 10 %, general manager 40 %. */
    protected static final AuthorityMatrix MATRIX = AuthorityMatrix.of(Map.of(Role.INDUSTRY_MANAGER,
            new BigDecimal("0.10"), Role.GENERAL_MANAGER, new BigDecimal("0.40")));

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    /** The repository under test, with its queries. */
    protected PriceAuthorisationRepository authorisations() {
        return storage.port(PriceAuthorisationRepository.class);
    }

    @Override
    protected AggregateRepository<PriceAuthorisation, PriceAuthorisationId> repository(StorageProvider storage) {
        return storage.port(PriceAuthorisationRepository.class);
    }

    @Override
    protected PriceAuthorisationId newId() {
        return new PriceAuthorisationId(samples.nextId("PA"));
    }

    /** A request for 700.00 against a list price of 1,000.00 and a floor price of 800.00: below the floor. */
    @Override
    protected PriceAuthorisation newAggregate(PriceAuthorisationId id) {
        return request(id, samples.accountId(), "700.00", T0);
    }

    /** Records the next floor approval: the financial manager's, then the department general manager's. */
    @Override
    protected void change(PriceAuthorisation authorisation) {
        Role role = authorisation.missingFloorApprovals().contains(Role.FINANCIAL_MANAGER) ? Role.FINANCIAL_MANAGER
                : Role.DEPARTMENT_GENERAL_MANAGER;
        Instant last = authorisation.decisions().isEmpty() ? authorisation.requestedAt()
                : authorisation.decisions().get(authorisation.decisions().size() - 1).decidedAt();
        authorisation.approve(Actor.withRoles(new UserId(role == Role.FINANCIAL_MANAGER ? "fm-1" : "dgm-1"), role),
                MATRIX, "strategic customer", last.plusSeconds(3_600));
    }

    @Override
    protected PriceAuthorisationSnapshot snapshot(PriceAuthorisation authorisation) {
        return authorisation.snapshot();
    }

    @Override
    protected PriceAuthorisation restore(PriceAuthorisationSnapshot snapshot) {
        return PriceAuthorisation.restore(snapshot);
    }

    @Override
    protected PriceAuthorisationSnapshot corrupt(PriceAuthorisationSnapshot s) {
        PriceAuthorisationState wrong = s.state() == PriceAuthorisationState.APPROVED ? PriceAuthorisationState.REQUESTED
                : PriceAuthorisationState.APPROVED;
        return new PriceAuthorisationSnapshot(s.id(), s.version(), s.account(), s.product(), s.listPrice(),
                s.offeredPrice(), s.floorPrice(), s.requestedBy(), s.addressedTo(), s.requestedAt(), s.reason(), wrong,
                s.decisions());
    }

    /**
     * A request by an account manager for DDN at {@code offered} against a list price of 1,000.00
     * and a floor price of 800.00.
     */
    protected static PriceAuthorisation request(PriceAuthorisationId id, AccountId account, String offered, Instant at) {
        FloorPriceList floors = FloorPriceList.create(new FloorPriceListId("SZ"));
        floors.setFloorPrice(Actor.withRoles(new UserId("fm-0"), Role.FINANCIAL_MANAGER), DDN, Money.cny("800.00"),
                T0.minus(Duration.ofDays(30)));
        PriceOffer offer = new PriceOffer(account, DDN, Money.cny("1000.00"), Money.cny(offered));
        return PriceAuthorisation.request(id, offer, Actor.withRoles(new UserId("am-1"), Role.ACCOUNT_MANAGER),
                "customer compares us with a competitor", floors, MATRIX, at);
    }

    /** The queries. */
    @Nested
    class Queries {

        @Test
        void requestsAreFoundByAccountAndByStateInRequestTimeOrder() {
            AccountId account = samples.accountId();
            PriceAuthorisation late = request(newId(), account, "950.00", T0.plusSeconds(300));
            PriceAuthorisation early = request(newId(), account, "700.00", T0);
            PriceAuthorisation sameTimeLaterId = request(newId(), account, "990.00", T0.plusSeconds(300));
            PriceAuthorisation otherAccount = request(newId(), samples.accountId(), "900.00", T0.plusSeconds(100));
            late.approve(Actor.withRoles(new UserId("im-1"), Role.INDUSTRY_MANAGER), MATRIX, "within authority",
                    T0.plusSeconds(400));
            otherAccount.withdraw(Actor.withRoles(new UserId("am-1"), Role.ACCOUNT_MANAGER), "customer signed elsewhere",
                    T0.plusSeconds(200));
            storage.transactions().run(() -> List.of(sameTimeLaterId, otherAccount, late, early).forEach(repository::save));

            assertThat(inTransaction(() -> authorisations().byAccount(account))).extracting(PriceAuthorisation::snapshot)
                    .containsExactly(early.snapshot(), late.snapshot(), sameTimeLaterId.snapshot());
            assertThat(ids(PriceAuthorisationState.REQUESTED)).containsExactly(early.id(), sameTimeLaterId.id());
            assertThat(ids(PriceAuthorisationState.APPROVED)).containsExactly(late.id());
            assertThat(ids(PriceAuthorisationState.WITHDRAWN)).containsExactly(otherAccount.id());
            assertThat(ids(PriceAuthorisationState.REJECTED)).isEmpty();
            assertThat(inTransaction(() -> authorisations().byAccount(samples.accountId()))).isEmpty();
        }

        @Test
        void queriesNeedATransactionAndNameAMissingArgument() {
            assertThatThrownBy(() -> authorisations().byAccount(samples.accountId()))
                    .isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> authorisations().byStatus(PriceAuthorisationState.REQUESTED))
                    .isInstanceOf(InvalidStateException.class);
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> authorisations().byAccount(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("account");
                assertThatThrownBy(() -> authorisations().byStatus(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("status");
            });
        }

        private List<PriceAuthorisationId> ids(PriceAuthorisationState state) {
            return inTransaction(() -> {
                try (Stream<PriceAuthorisation> found = authorisations().byStatus(state)) {
                    return found.map(PriceAuthorisation::id).toList();
                }
            });
        }
    }

    /** Every field, every decision with its authority, and the version survive saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void aRequestApprovedOnTheMatrixKeepsTheAuthorityItReliedOnExactly() {
            AuthorityMatrix fine = AuthorityMatrix.of(Map.of(Role.INDUSTRY_MANAGER, new BigDecimal("0.123456789")));
            FloorPriceList noFloors = FloorPriceList.create(new FloorPriceListId("SZ"));
            PriceOffer offer = new PriceOffer(samples.accountId(), DDN, Money.cny("1000.00"), Money.cny("900.00"));
            PriceAuthorisation authorisation = PriceAuthorisation.request(newId(), offer,
                    Actor.withRoles(new UserId("am-1"), Role.ACCOUNT_MANAGER), "需要更优惠的价格", noFloors, fine, T0);
            authorisation.approve(Actor.withRoles(new UserId("im-1"), Role.INDUSTRY_MANAGER), fine, "行业经理同意", T0.plusSeconds(1));
            saveInTransaction(authorisation);

            PriceAuthorisation loaded = load(authorisation.id());
            assertThat(loaded.snapshot()).isEqualTo(authorisation.snapshot());
            assertThat(loaded.floorPrice()).isEmpty();
            assertThat(loaded.decisions().get(0).maximumDiscount()).isEqualTo(new BigDecimal("0.123456789"));
        }

        @Test
        void aRequestBelowTheFloorKeepsBothApprovalsInOrder() {
            PriceAuthorisation authorisation = newAggregate(newId());
            saveInTransaction(authorisation);
            PriceAuthorisation loaded = load(authorisation.id());
            change(loaded);
            saveInTransaction(loaded);
            PriceAuthorisation again = load(authorisation.id());
            change(again);
            saveInTransaction(again);

            PriceAuthorisation approved = load(authorisation.id());
            assertThat(approved.snapshot()).isEqualTo(again.snapshot());
            assertThat(approved.state()).isEqualTo(PriceAuthorisationState.APPROVED);
            assertThat(approved.decisions()).extracting(d -> d.role())
                    .containsExactly(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
            assertThat(approved.version()).isEqualTo(3);
        }

        @Test
        void everyReachableRequestSurvivesSaveAndLoadTwice() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(AuthorityGenerators.priceRequests(), AuthorityGenerators.priceCommandSequences(),
                            AuthorityGenerators.priceCommandSequences())
                    .checkAssert((setup, commands, moreCommands) -> {
                        PriceAuthorisation authorisation = renamed(decided(setup, newId(), commands), newId());
                        saveInTransaction(authorisation);
                        PriceAuthorisation loaded = load(authorisation.id());
                        assertThat(loaded.snapshot()).isEqualTo(authorisation.snapshot());
                        assertThat(loaded.version()).isEqualTo(1);

                        PriceAuthorisation continued = decide(loaded, setup, moreCommands);
                        saveInTransaction(continued);
                        PriceAuthorisation reloaded = load(authorisation.id());
                        assertThat(reloaded.snapshot()).isEqualTo(continued.snapshot());
                        assertThat(reloaded.version()).isEqualTo(2);
                    });
        }
    }
}
