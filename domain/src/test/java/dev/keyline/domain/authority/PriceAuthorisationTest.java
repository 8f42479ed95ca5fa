package dev.keyline.domain.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

class PriceAuthorisationTest {

    private static final AccountId BANK = new AccountId("A-BANK");
    private static final ProductCode DDN = new ProductCode("DDN");
    private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
    private static final PriceAuthorisationId ID = new PriceAuthorisationId("PA-2024-001");

    private static final AuthorityMatrix MATRIX = AuthorityMatrix.of(Map.of(
            Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
            Role.INDUSTRY_MANAGER, new BigDecimal("0.15"),
            Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30")));

    private static final Actor WANG_AM = Actor.accountManager(new UserId("wang.am"));
    private static final Actor CHEN_IM = Actor.withRoles(new UserId("chen.im"), Role.INDUSTRY_MANAGER);
    private static final Actor SUN_FM = Actor.withRoles(new UserId("sun.fm"), Role.FINANCIAL_MANAGER);
    private static final Actor ZHOU_DGM = Actor.withRoles(new UserId("zhou.dgm"), Role.DEPARTMENT_GENERAL_MANAGER);

    private static FloorPriceList floors(String ddnFloor) {
        FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
        list.setFloorPrice(SUN_FM, DDN, Money.cny(ddnFloor), T0.minusSeconds(3600));
        return list;
    }

    private static PriceAuthorisation request(String offered) {
        PriceOffer offer = new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny(offered));
        return PriceAuthorisation.request(ID, offer, WANG_AM, "competitor offers less", floors("800.00"), MATRIX, T0);
    }

    private static Instant minutes(long m) {
        return T0.plusSeconds(60 * m);
    }

    @Test
    void anOfferAboveTheFloorIsApprovedByOneApproverWhoseAuthorityCoversTheDiscount() {
        PriceAuthorisation authorisation = request("880.00");
        assertThat(authorisation.isBelowFloor()).isFalse();
        assertThat(authorisation.discount()).isEqualByComparingTo("0.12");
        assertThat(authorisation.addressedTo()).isEqualTo(Role.INDUSTRY_MANAGER);
        assertThat(authorisation.canBeApprovedBy(CHEN_IM, MATRIX)).isTrue();

        PriceDecision approval = authorisation.approve(CHEN_IM, MATRIX, "keeps the bank", minutes(5));

        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.APPROVED);
        assertThat(approval).isEqualTo(new PriceDecision(PriceDecision.Kind.APPROVAL, CHEN_IM.user(), Role.INDUSTRY_MANAGER,
                new BigDecimal("0.15"), minutes(5), "keeps the bank"));
        List<DomainEvent> events = authorisation.pendingEvents();
        assertThat(events).extracting(DomainEvent::type).containsExactly("authority.price-requested", "authority.price-approved");
        assertThat(events.get(0).audience().role()).isEqualTo("INDUSTRY_MANAGER");
        PriceApproved approved = (PriceApproved) events.get(1);
        assertThat(approved.approvedBy()).containsExactly(CHEN_IM.user());
        assertThat(approved.roles()).containsExactly(Role.INDUSTRY_MANAGER);
        assertThat(approved.audience().role()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(approved.audience().accountId()).isEqualTo("A-BANK");
        assertThat(approved.aggregateId()).isEqualTo("PA-2024-001");
    }

    @Test
    void anApproverWhoseAuthorityFallsShortIsRefusedNamingRoleMaximumAndDiscountAndNothingChanges() {
        PriceAuthorisation authorisation = request("800.00");
        PriceAuthorisationSnapshot before = authorisation.snapshot();
        assertThat(authorisation.canBeApprovedBy(CHEN_IM, MATRIX)).isFalse();
        assertThatThrownBy(() -> authorisation.approve(CHEN_IM, MATRIX, "fine by me", minutes(1)))
                .isInstanceOf(AuthorityExceededException.class)
                .hasMessageContaining("INDUSTRY_MANAGER")
                .hasMessageContaining("0.15")
                .hasMessageContaining("0.2");
        assertThat(authorisation.snapshot()).isEqualTo(before);
        assertThat(authorisation.pendingEvents()).hasSize(1);

        authorisation.approve(ZHOU_DGM, MATRIX, "strategic account", minutes(2));
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.APPROVED);
    }

    @Test
    void anOfferAtTheFloorNeedsOnlyTheMatrix() {
        PriceAuthorisation authorisation = request("800.00");
        assertThat(authorisation.isBelowFloor()).isFalse();
        assertThat(authorisation.addressedTo()).isEqualTo(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(authorisation.missingFloorApprovals()).isEmpty();
    }

    @Test
    void belowTheFloorBothTheFinancialManagerAndTheDepartmentGeneralManagerMustApproveWhateverTheMatrix() {
        AuthorityMatrix generous = MATRIX.with(Role.GENERAL_MANAGER, BigDecimal.ONE);
        PriceAuthorisation authorisation = request("799.99");
        assertThat(authorisation.isBelowFloor()).isTrue();
        assertThat(authorisation.addressedTo()).isEqualTo(Role.FINANCIAL_MANAGER);
        assertThat(authorisation.pendingEvents().get(0).audience().role()).isEqualTo("FINANCIAL_MANAGER");
        assertThat(authorisation.missingFloorApprovals())
                .containsExactlyInAnyOrder(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);

        Actor generalManager = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
        assertThatThrownBy(() -> authorisation.approve(generalManager, generous, "I can do anything", minutes(1)))
                .isInstanceOf(AuthorityExceededException.class)
                .hasMessageContaining("below the floor price");

        authorisation.approve(ZHOU_DGM, generous, "strategic", minutes(2));
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.REQUESTED);
        assertThat(authorisation.missingFloorApprovals()).containsExactly(Role.FINANCIAL_MANAGER);
        DomainEvent recorded = authorisation.pendingEvents().get(1);
        assertThat(recorded.type()).isEqualTo("authority.price-approval-recorded");
        assertThat(recorded.audience().role()).isEqualTo("FINANCIAL_MANAGER");

        Actor anotherDgm = Actor.withRoles(new UserId("qian.dgm"), Role.DEPARTMENT_GENERAL_MANAGER);
        assertThatThrownBy(() -> authorisation.approve(anotherDgm, generous, "me too", minutes(3)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("FINANCIAL_MANAGER");

        authorisation.approve(SUN_FM, generous, "margin still positive", minutes(4));
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.APPROVED);
        assertThat(authorisation.approvals()).extracting(PriceDecision::role)
                .containsExactly(Role.DEPARTMENT_GENERAL_MANAGER, Role.FINANCIAL_MANAGER);
        assertThat(authorisation.approvals()).allSatisfy(a -> assertThat(a.maximumDiscount()).isNull());
        PriceApproved approved = (PriceApproved) authorisation.pendingEvents().get(2);
        assertThat(approved.approvedBy()).containsExactly(ZHOU_DGM.user(), SUN_FM.user());
    }

    @Test
    void onePersonHoldingBothFloorRolesCountsOnlyOnce() {
        Actor both = Actor.withRoles(new UserId("li.both"), Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
        PriceAuthorisation authorisation = request("500.00");
        PriceDecision first = authorisation.approve(both, MATRIX, "ok", minutes(1));
        assertThat(first.role()).isEqualTo(Role.FINANCIAL_MANAGER);
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.REQUESTED);
        assertThatThrownBy(() -> authorisation.approve(both, MATRIX, "ok again", minutes(2)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("already decided");
        authorisation.approve(ZHOU_DGM, MATRIX, "ok", minutes(3));
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.APPROVED);
    }

    @Test
    void theRequesterCanNeitherApproveNorRejectTheirOwnRequest() {
        Actor requesterWithAuthority = new Actor(WANG_AM.user(), java.util.Set.of(Role.ACCOUNT_MANAGER,
                Role.DEPARTMENT_GENERAL_MANAGER), java.util.Set.of());
        PriceAuthorisation authorisation = request("990.00");
        PriceAuthorisationSnapshot before = authorisation.snapshot();
        assertThat(authorisation.canBeApprovedBy(requesterWithAuthority, MATRIX)).isFalse();
        assertThatThrownBy(() -> authorisation.approve(requesterWithAuthority, MATRIX, "mine", minutes(1)))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("requested themselves");
        assertThatThrownBy(() -> authorisation.reject(requesterWithAuthority, MATRIX, "mine", minutes(1)))
                .isInstanceOf(NotAuthorisedException.class);
        assertThat(authorisation.snapshot()).isEqualTo(before);
    }

    @Test
    void aRejectionEndsTheRequestAndIsRecorded() {
        PriceAuthorisation authorisation = request("700.00");
        authorisation.approve(SUN_FM, MATRIX, "margin ok", minutes(1));
        assertThat(authorisation.canBeRejectedBy(CHEN_IM, MATRIX)).isFalse();
        assertThatThrownBy(() -> authorisation.reject(CHEN_IM, MATRIX, "no", minutes(2)))
                .isInstanceOf(AuthorityExceededException.class);
        PriceDecision rejection = authorisation.reject(ZHOU_DGM, MATRIX, "sets a precedent", minutes(3));
        assertThat(rejection.kind()).isEqualTo(PriceDecision.Kind.REJECTION);
        assertThat(rejection.role()).isEqualTo(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.REJECTED);
        assertThat(authorisation.decisions()).hasSize(2);
        PriceRejected event = (PriceRejected) authorisation.pendingEvents().get(2);
        assertThat(event.type()).isEqualTo("authority.price-rejected");
        assertThat(event.reason()).isEqualTo("sets a precedent");
        assertThat(event.audience().subject()).contains("sets a precedent");
        assertThatThrownBy(() -> authorisation.approve(CHEN_IM, MATRIX, "late", minutes(4)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("REJECTED");
    }

    @Test
    void onlyTheRequesterWithdrawsAndOnlyWhileOpen() {
        PriceAuthorisation authorisation = request("900.00");
        assertThat(authorisation.canBeWithdrawnBy(CHEN_IM)).isFalse();
        assertThatThrownBy(() -> authorisation.withdraw(CHEN_IM, "not yours", minutes(1)))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("wang.am");
        PriceDecision withdrawal = authorisation.withdraw(WANG_AM, "customer signed elsewhere", minutes(2));
        assertThat(withdrawal.roleIfAny()).isEmpty();
        assertThat(withdrawal.maximumDiscountIfAny()).isEmpty();
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.WITHDRAWN);
        DomainEvent withdrawn = authorisation.pendingEvents().get(1);
        assertThat(withdrawn.type()).isEqualTo("authority.price-withdrawn");
        assertThat(withdrawn.audience().role()).isEqualTo("INDUSTRY_MANAGER");
        assertThatThrownBy(() -> authorisation.withdraw(WANG_AM, "again", minutes(3)))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void decisionsCannotBeDatedBeforeTheRequestOrTheLastDecision() {
        PriceAuthorisation authorisation = request("700.00");
        assertThatThrownBy(() -> authorisation.approve(SUN_FM, MATRIX, "ok", T0.minusSeconds(1)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("at"));
        authorisation.approve(SUN_FM, MATRIX, "ok", minutes(10));
        assertThatThrownBy(() -> authorisation.approve(ZHOU_DGM, MATRIX, "ok", minutes(9)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("at"));
        authorisation.approve(ZHOU_DGM, MATRIX, "ok", minutes(10));
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.APPROVED);
    }

    @Test
    void aRequestNobodyCouldApproveIsRefusedUpFront() {
        PriceOffer offer = new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("850.00"));
        assertThatThrownBy(() -> PriceAuthorisation.request(ID, offer, WANG_AM, "please",
                FloorPriceList.create(new FloorPriceListId("SZ")), AuthorityMatrix.empty(), T0))
                .isInstanceOf(AuthorityExceededException.class).hasMessageContaining("0.15").hasMessageContaining("empty");
        AuthorityMatrix small = AuthorityMatrix.of(Map.of(Role.ACCOUNT_MANAGER, new BigDecimal("0.05")));
        assertThatThrownBy(() -> PriceAuthorisation.request(ID, offer, WANG_AM, "please",
                FloorPriceList.create(new FloorPriceListId("SZ")), small, T0))
                .isInstanceOf(AuthorityExceededException.class).hasMessageContaining("ACCOUNT_MANAGER with 0.05");
    }

    @Test
    void aProductWithoutAFloorPriceIsGovernedByTheMatrixAlone() {
        PriceOffer offer = new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("700.00"));
        PriceAuthorisation authorisation = PriceAuthorisation.request(ID, offer, WANG_AM, "please",
                FloorPriceList.create(new FloorPriceListId("SZ")), MATRIX, T0);
        assertThat(authorisation.floorPrice()).isEmpty();
        assertThat(authorisation.isBelowFloor()).isFalse();
        authorisation.approve(ZHOU_DGM, MATRIX, "fine", minutes(1));
        assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.APPROVED);
    }

    @Test
    void aFloorPriceInAnotherCurrencyIsRefused() {
        FloorPriceList dollars = FloorPriceList.create(new FloorPriceListId("SZ"));
        dollars.setFloorPrice(SUN_FM, DDN, Money.parse("100.00 USD"), T0);
        PriceOffer offer = new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("900.00"));
        assertThatThrownBy(() -> PriceAuthorisation.request(ID, offer, WANG_AM, "please", dollars, MATRIX, T0))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("floorPrices"));
    }

    static Stream<Arguments> invalidRequests() {
        PriceOffer offer = new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("900.00"));
        FloorPriceList none = FloorPriceList.create(new FloorPriceListId("SZ"));
        return Stream.of(
                Arguments.of("id", (Runnable) () -> PriceAuthorisation.request(null, offer, WANG_AM, "r", none, MATRIX, T0)),
                Arguments.of("offer", (Runnable) () -> PriceAuthorisation.request(ID, null, WANG_AM, "r", none, MATRIX, T0)),
                Arguments.of("requester", (Runnable) () -> PriceAuthorisation.request(ID, offer, null, "r", none, MATRIX, T0)),
                Arguments.of("reason", (Runnable) () -> PriceAuthorisation.request(ID, offer, WANG_AM, " ", none, MATRIX, T0)),
                Arguments.of("reason", (Runnable) () -> PriceAuthorisation.request(ID, offer, WANG_AM, null, none, MATRIX, T0)),
                Arguments.of("floorPrices", (Runnable) () -> PriceAuthorisation.request(ID, offer, WANG_AM, "r", null, MATRIX, T0)),
                Arguments.of("matrix", (Runnable) () -> PriceAuthorisation.request(ID, offer, WANG_AM, "r", none, null, T0)),
                Arguments.of("at", (Runnable) () -> PriceAuthorisation.request(ID, offer, WANG_AM, "r", none, MATRIX, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsInvalidRequestsNamingTheArgument(String argument, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument));
    }

    static Stream<Arguments> invalidDecisions() {
        return Stream.of(
                Arguments.of("approver", (Consumer<PriceAuthorisation>) a -> a.approve(null, MATRIX, "r", minutes(1))),
                Arguments.of("matrix", (Consumer<PriceAuthorisation>) a -> a.approve(CHEN_IM, null, "r", minutes(1))),
                Arguments.of("reason", (Consumer<PriceAuthorisation>) a -> a.approve(CHEN_IM, MATRIX, "", minutes(1))),
                Arguments.of("at", (Consumer<PriceAuthorisation>) a -> a.approve(CHEN_IM, MATRIX, "r", null)),
                Arguments.of("rejecter", (Consumer<PriceAuthorisation>) a -> a.reject(null, MATRIX, "r", minutes(1))),
                Arguments.of("matrix", (Consumer<PriceAuthorisation>) a -> a.reject(CHEN_IM, null, "r", minutes(1))),
                Arguments.of("reason", (Consumer<PriceAuthorisation>) a -> a.reject(CHEN_IM, MATRIX, null, minutes(1))),
                Arguments.of("at", (Consumer<PriceAuthorisation>) a -> a.reject(CHEN_IM, MATRIX, "r", null)),
                Arguments.of("requester", (Consumer<PriceAuthorisation>) a -> a.withdraw(null, "r", minutes(1))),
                Arguments.of("reason", (Consumer<PriceAuthorisation>) a -> a.withdraw(WANG_AM, "\t", minutes(1))),
                Arguments.of("at", (Consumer<PriceAuthorisation>) a -> a.withdraw(WANG_AM, "r", null)),
                Arguments.of("approver", (Consumer<PriceAuthorisation>) a -> a.canBeApprovedBy(null, MATRIX)),
                Arguments.of("matrix", (Consumer<PriceAuthorisation>) a -> a.canBeRejectedBy(CHEN_IM, null)),
                Arguments.of("requester", (Consumer<PriceAuthorisation>) a -> a.canBeWithdrawnBy(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDecisions")
    void rejectsInvalidDecisionsNamingTheArgumentAndChangesNothing(String argument, Consumer<PriceAuthorisation> call) {
        PriceAuthorisation authorisation = request("900.00");
        PriceAuthorisationSnapshot before = authorisation.snapshot();
        assertThatThrownBy(() -> call.accept(authorisation)).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument));
        assertThat(authorisation.snapshot()).isEqualTo(before);
    }

    @Test
    void restoresWhatItSaved() {
        PriceAuthorisation authorisation = request("700.00");
        authorisation.approve(SUN_FM, MATRIX, "ok", minutes(1));
        authorisation.markSaved(1);
        PriceAuthorisation restored = PriceAuthorisation.restore(authorisation.snapshot());
        assertThat(restored.snapshot()).isEqualTo(authorisation.snapshot());
        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.floorPrice()).contains(Money.cny("800.00"));
        restored.approve(ZHOU_DGM, MATRIX, "ok", minutes(2));
        assertThat(restored.state()).isEqualTo(PriceAuthorisationState.APPROVED);
    }

    @Test
    void refusesSnapshotsThatBreakTheFloorRules() {
        PriceAuthorisation below = request("700.00");
        below.approve(SUN_FM, MATRIX, "ok", minutes(1));
        PriceAuthorisationSnapshot s = below.snapshot();

        List<PriceDecision> twoFinancialManagers = new ArrayList<>(s.decisions());
        twoFinancialManagers.add(new PriceDecision(PriceDecision.Kind.APPROVAL, new UserId("other.fm"),
                Role.FINANCIAL_MANAGER, null, minutes(2), "ok"));
        assertCorrupt(withDecisions(s, twoFinancialManagers, PriceAuthorisationState.APPROVED), "decisions[1]");

        List<PriceDecision> byTheMatrix = new ArrayList<>(s.decisions());
        byTheMatrix.add(new PriceDecision(PriceDecision.Kind.APPROVAL, new UserId("gm"), Role.GENERAL_MANAGER,
                BigDecimal.ONE, minutes(2), "ok"));
        assertCorrupt(withDecisions(s, byTheMatrix, PriceAuthorisationState.APPROVED), "GENERAL_MANAGER");

        assertCorrupt(new PriceAuthorisationSnapshot(s.id(), s.version(), s.account(), s.product(), s.listPrice(),
                s.offeredPrice(), s.floorPrice(), s.requestedBy(), Role.INDUSTRY_MANAGER, s.requestedAt(), s.reason(),
                s.state(), s.decisions()), "addressed to FINANCIAL_MANAGER");

        assertCorrupt(new PriceAuthorisationSnapshot(s.id(), s.version(), s.account(), s.product(), s.listPrice(),
                s.offeredPrice(), Money.parse("800.00 USD"), s.requestedBy(), s.addressedTo(), s.requestedAt(), s.reason(),
                s.state(), s.decisions()), "currency");
    }

    @Test
    void refusesSnapshotsWhoseRecordedAuthorityDoesNotCoverTheDiscount() {
        PriceAuthorisation above = request("880.00");
        PriceAuthorisationSnapshot s = above.snapshot();
        List<PriceDecision> weak = List.of(new PriceDecision(PriceDecision.Kind.APPROVAL, CHEN_IM.user(),
                Role.INDUSTRY_MANAGER, new BigDecimal("0.10"), minutes(1), "ok"));
        assertCorrupt(withDecisions(s, weak, PriceAuthorisationState.APPROVED), "0.1");
        List<PriceDecision> none = List.of(new PriceDecision(PriceDecision.Kind.APPROVAL, CHEN_IM.user(),
                Role.INDUSTRY_MANAGER, null, minutes(1), "ok"));
        assertCorrupt(withDecisions(s, none, PriceAuthorisationState.APPROVED), "none");
        List<PriceDecision> twice = List.of(
                new PriceDecision(PriceDecision.Kind.APPROVAL, CHEN_IM.user(), Role.INDUSTRY_MANAGER, new BigDecimal("0.15"),
                        minutes(1), "ok"),
                new PriceDecision(PriceDecision.Kind.APPROVAL, ZHOU_DGM.user(), Role.DEPARTMENT_GENERAL_MANAGER,
                        new BigDecimal("0.3"), minutes(2), "ok"));
        assertCorrupt(withDecisions(s, twice, PriceAuthorisationState.APPROVED), "APPROVED");
    }

    private static PriceAuthorisationSnapshot withDecisions(PriceAuthorisationSnapshot s, List<PriceDecision> decisions,
            PriceAuthorisationState state) {
        return new PriceAuthorisationSnapshot(s.id(), s.version(), s.account(), s.product(), s.listPrice(),
                s.offeredPrice(), s.floorPrice(), s.requestedBy(), s.addressedTo(), s.requestedAt(), s.reason(), state,
                decisions);
    }

    private static void assertCorrupt(PriceAuthorisationSnapshot snapshot, String mentioned) {
        assertThatThrownBy(() -> PriceAuthorisation.restore(snapshot))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("PA-2024-001")
                .hasMessageContaining(mentioned);
    }

    @Test
    void restoreRejectsNull() {
        assertThatThrownBy(() -> PriceAuthorisation.restore(null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void idsValidate() {
        assertThatThrownBy(() -> new PriceAuthorisationId("has space"))
                .isInstanceOfSatisfying(InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("priceAuthorisationId"));
        assertThat(new PriceAuthorisationId("PA-1")).hasToString("PA-1");
    }
}
