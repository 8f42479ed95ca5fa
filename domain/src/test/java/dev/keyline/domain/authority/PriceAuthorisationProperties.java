package dev.keyline.domain.authority;

import static dev.keyline.domain.authority.AuthorityGenerators.EPOCH;
import static dev.keyline.domain.authority.AuthorityGenerators.cents;
import static dev.keyline.domain.authority.AuthorityGenerators.priceCommandSequences;
import static dev.keyline.domain.authority.AuthorityGenerators.priceRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.authority.AuthorityGenerators.Approve;
import dev.keyline.domain.authority.AuthorityGenerators.PriceCommand;
import dev.keyline.domain.authority.AuthorityGenerators.PriceRequestSetup;
import dev.keyline.domain.authority.AuthorityGenerators.Reject;
import dev.keyline.domain.authority.AuthorityGenerators.Withdraw;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

/**
 * Random command sequences on {@link PriceAuthorisation}, compared step by step with
 * {@link PriceRulesOracle}; every invariant is checked after every step and every refused command
 * must leave the snapshot and the pending events as they were.
 */
class PriceAuthorisationProperties {

    private static final PriceAuthorisationId ID = new PriceAuthorisationId("PA-1");

    @Test
    void requestsAreAddressedAsTheRulesSayOrRefused() {
        qt().withExamples(400).forAll(priceRequests()).checkAssert(setup -> {
            Money floor = setup.floorCents().map(AuthorityGenerators::cents).orElse(null);
            Optional<Role> expected = PriceRulesOracle.addressee(setup.offer(), floor, setup.matrix());
            if (expected.isEmpty()) {
                assertThatThrownBy(() -> setup.open(ID)).isInstanceOf(AuthorityExceededException.class)
                        .hasMessageContaining(setup.offer().discount().toPlainString());
                return;
            }
            PriceAuthorisation authorisation = setup.open(ID);
            assertThat(authorisation.addressedTo()).isEqualTo(expected.get());
            assertThat(authorisation.isBelowFloor()).isEqualTo(PriceRulesOracle.isBelow(setup.offer(), floor));
            assertThat(authorisation.state()).isEqualTo(PriceAuthorisationState.REQUESTED);
            assertThat(authorisation.decisions()).isEmpty();
            assertThat(authorisation.discount()).isCloseTo(PriceRulesOracle.discountOf(setup.offer()),
                    within(new BigDecimal("1E-15")));
            List<DomainEvent> events = authorisation.pendingEvents();
            assertThat(events).singleElement().isInstanceOfSatisfying(PriceRequested.class, event -> {
                assertThat(event.type()).isEqualTo("authority.price-requested");
                assertThat(event.audience().role()).isEqualTo(expected.get().name());
                assertThat(event.audience().accountId()).isEqualTo(setup.offer().account().value());
                assertThat(event.belowFloor()).isEqualTo(authorisation.isBelowFloor());
            });
        });
    }

    @Test
    void randomCommandSequencesFollowTheRulesAndKeepEveryInvariant() {
        qt().withExamples(1000).forAll(priceRequests(), priceCommandSequences())
                .checkAssert(PriceAuthorisationProperties::runAndCheck);
    }

    @Test
    void snapshotsRoundTripAfterAnySequence() {
        qt().withExamples(300).forAll(priceRequests(), priceCommandSequences()).checkAssert((setup, commands) -> {
            Optional<PriceAuthorisation> run = run(setup, commands);
            run.ifPresent(authorisation -> {
                PriceAuthorisationSnapshot snapshot = authorisation.snapshot();
                PriceAuthorisation restored = PriceAuthorisation.restore(snapshot);
                assertThat(restored.snapshot()).isEqualTo(snapshot);
                assertThat(restored.state()).isEqualTo(authorisation.state());
                assertThat(restored.decisions()).isEqualTo(authorisation.decisions());
                assertThat(restored.isBelowFloor()).isEqualTo(authorisation.isBelowFloor());
                assertThat(restored.missingFloorApprovals()).isEqualTo(authorisation.missingFloorApprovals());
                assertThat(restored.pendingEvents()).isEmpty();
            });
        });
    }

    @Test
    void corruptSnapshotsAreRefused() {
        qt().withExamples(200).forAll(priceRequests(), priceCommandSequences()).checkAssert((setup, commands) -> {
            Optional<PriceAuthorisation> run = run(setup, commands);
            run.ifPresent(authorisation -> {
                PriceAuthorisationSnapshot good = authorisation.snapshot();
                corruptions(good).forEach((what, corrupt) ->
                        assertThatThrownBy(() -> PriceAuthorisation.restore(corrupt.apply(good)))
                                .as(what).isInstanceOf(CorruptStateException.class)
                                .hasMessageContaining("price authorisation"));
            });
        });
    }

    /** Ways to spoil a valid snapshot, each of which breaks a rule whatever the snapshot held. */
    static Map<String, UnaryOperator<PriceAuthorisationSnapshot>> corruptions(PriceAuthorisationSnapshot s) {
        Map<String, UnaryOperator<PriceAuthorisationSnapshot>> all = new LinkedHashMap<>();
        Instant last = s.decisions().isEmpty() ? s.requestedAt() : s.decisions().get(s.decisions().size() - 1).decidedAt();
        all.put("negative version", x -> copy(x).version(-1).build());
        all.put("no id", x -> copy(x).id(null).build());
        all.put("blank reason", x -> copy(x).reason(" ").build());
        all.put("no requester", x -> copy(x).requestedBy(null).build());
        all.put("offer above list price", x -> copy(x).offeredPrice(x.listPrice().plus(cents(1))).build());
        all.put("offer of zero", x -> copy(x).offeredPrice(cents(0)).build());
        all.put("floor of zero", x -> copy(x).floorPrice(cents(0)).build());
        all.put("other state", x -> copy(x).state(otherState(x.state())).build());
        all.put("approval by the requester", x -> copy(x).decisions(append(x.decisions(),
                new PriceDecision(PriceDecision.Kind.APPROVAL, x.requestedBy(), Role.FINANCIAL_MANAGER, BigDecimal.ONE,
                        last, "self"))).build());
        all.put("decision before the request", x -> copy(x).decisions(prepend(x.decisions(),
                new PriceDecision(PriceDecision.Kind.REJECTION, new UserId("early"), Role.GENERAL_MANAGER,
                        BigDecimal.ONE, x.requestedAt().minusSeconds(1), "too early"))).build());
        all.put("withdrawal by another", x -> copy(x).decisions(append(x.decisions(),
                new PriceDecision(PriceDecision.Kind.WITHDRAWAL, new UserId("stranger"), null, null, last, "not mine")))
                .build());
        all.put("missing decision", x -> copy(x).decisions(append(x.decisions(), null)).build());
        all.put("no decisions list", x -> copy(x).decisions(null).build());
        return all;
    }

    private static PriceAuthorisationState otherState(PriceAuthorisationState state) {
        PriceAuthorisationState[] all = PriceAuthorisationState.values();
        return all[(state.ordinal() + 1) % all.length];
    }

    private static List<PriceDecision> append(List<PriceDecision> decisions, PriceDecision extra) {
        List<PriceDecision> copy = new ArrayList<>(decisions);
        copy.add(extra);
        return copy;
    }

    private static List<PriceDecision> prepend(List<PriceDecision> decisions, PriceDecision extra) {
        List<PriceDecision> copy = new ArrayList<>();
        copy.add(extra);
        copy.addAll(decisions);
        return copy;
    }

    /** Runs a sequence without checks; empty when the request itself is refused. */
    static Optional<PriceAuthorisation> run(PriceRequestSetup setup, List<PriceCommand> commands) {
        Money floor = setup.floorCents().map(AuthorityGenerators::cents).orElse(null);
        if (PriceRulesOracle.addressee(setup.offer(), floor, setup.matrix()).isEmpty()) {
            return Optional.empty();
        }
        PriceAuthorisation authorisation = setup.open(ID);
        Instant clock = EPOCH;
        for (PriceCommand command : commands) {
            Instant at = clock.plus(Duration.ofMinutes(command.minutesLater()));
            try {
                apply(authorisation, setup, command, at);
                clock = at;
            } catch (KeylineException refused) {
                // refused commands are the subject of runAndCheck; here only the end state matters
                assertThat(refused.reason()).isNotNull();
            }
        }
        return Optional.of(authorisation);
    }

    private static void runAndCheck(PriceRequestSetup setup, List<PriceCommand> commands) {
        Money floor = setup.floorCents().map(AuthorityGenerators::cents).orElse(null);
        if (PriceRulesOracle.addressee(setup.offer(), floor, setup.matrix()).isEmpty()) {
            return;
        }
        PriceAuthorisation authorisation = setup.open(ID);
        PriceRulesOracle oracle = new PriceRulesOracle(setup.offer(), floor, setup.requester().user(), EPOCH);
        Instant clock = EPOCH;
        checkInvariants(authorisation, setup, List.of());
        for (PriceCommand command : commands) {
            Instant at = clock.plus(Duration.ofMinutes(command.minutesLater()));
            PriceRulesOracle.Outcome expected = predict(oracle, setup, command, at);
            PriceAuthorisationSnapshot before = authorisation.snapshot();
            List<DomainEvent> eventsBefore = authorisation.pendingEvents();
            List<PriceDecision> decisionsBefore = authorisation.decisions();
            try {
                PriceDecision decision = apply(authorisation, setup, command, at);
                if (!expected.accepted()) {
                    fail("expected " + expected.failure().getSimpleName() + " for " + command + " on " + before);
                }
                clock = at;
                assertThat(authorisation.state()).as("state after %s", command).isEqualTo(expected.state());
                assertThat(decision.role()).as("role counted for %s", command).isEqualTo(expected.role());
                assertThat(authorisation.decisions()).last().isEqualTo(decision);
                assertThat(authorisation.version()).isEqualTo(before.version());
                List<DomainEvent> events = authorisation.pendingEvents();
                assertThat(events).hasSize(eventsBefore.size() + 1);
                assertThat(events.get(events.size() - 1).type()).isEqualTo(expectedEventType(command, expected));
            } catch (KeylineException refused) {
                if (expected.accepted()) {
                    throw new AssertionError("expected " + command + " to be accepted on " + before, refused);
                }
                assertThat(refused).as("refusal of %s", command).isInstanceOf(expected.failure());
                assertThat(authorisation.snapshot()).as("snapshot after refused %s", command).isEqualTo(before);
                assertThat(authorisation.pendingEvents()).isEqualTo(eventsBefore);
            }
            checkInvariants(authorisation, setup, decisionsBefore);
        }
    }

    private static PriceRulesOracle.Outcome predict(PriceRulesOracle oracle, PriceRequestSetup setup,
            PriceCommand command, Instant at) {
        if (command instanceof Approve approve) {
            return oracle.decide(true, approve.actor(), approve.matrix().orElse(setup.matrix()), approve.reason(), at);
        }
        if (command instanceof Reject reject) {
            return oracle.decide(false, reject.actor(), reject.matrix().orElse(setup.matrix()), reject.reason(), at);
        }
        Withdraw withdraw = (Withdraw) command;
        return oracle.withdraw(withdraw.byRequester() ? setup.requester() : withdraw.actor(), withdraw.reason(), at);
    }

    private static PriceDecision apply(PriceAuthorisation authorisation, PriceRequestSetup setup, PriceCommand command,
            Instant at) {
        if (command instanceof Approve approve) {
            return authorisation.approve(approve.actor(), approve.matrix().orElse(setup.matrix()), approve.reason(), at);
        }
        if (command instanceof Reject reject) {
            return authorisation.reject(reject.actor(), reject.matrix().orElse(setup.matrix()), reject.reason(), at);
        }
        Withdraw withdraw = (Withdraw) command;
        return authorisation.withdraw(withdraw.byRequester() ? setup.requester() : withdraw.actor(), withdraw.reason(), at);
    }

    private static String expectedEventType(PriceCommand command, PriceRulesOracle.Outcome outcome) {
        if (command instanceof Withdraw) {
            return "authority.price-withdrawn";
        }
        if (command instanceof Reject) {
            return "authority.price-rejected";
        }
        return outcome.state() == PriceAuthorisationState.APPROVED ? "authority.price-approved"
                : "authority.price-approval-recorded";
    }

    /** Every invariant of a price authorisation, checked from its public view alone. */
    static void checkInvariants(PriceAuthorisation authorisation, PriceRequestSetup setup,
            List<PriceDecision> earlierDecisions) {
        List<PriceDecision> decisions = authorisation.decisions();
        UserId requester = setup.requester().user();
        BigDecimal discount = PriceRulesOracle.discountOf(setup.offer());

        assertThat(decisions).as("recorded decisions never disappear").hasSizeGreaterThanOrEqualTo(earlierDecisions.size());
        assertThat(decisions.subList(0, earlierDecisions.size())).as("recorded decisions never change")
                .isEqualTo(earlierDecisions);
        Set<UserId> deciders = new HashSet<>();
        Instant previous = authorisation.requestedAt();
        for (PriceDecision decision : decisions) {
            assertThat(decision.decidedAt()).as("decisions in time order").isAfterOrEqualTo(previous);
            previous = decision.decidedAt();
            if (decision.kind() == PriceDecision.Kind.WITHDRAWAL) {
                assertThat(decision.decidedBy()).as("only the requester withdraws").isEqualTo(requester);
            } else {
                assertThat(decision.decidedBy()).as("the requester never decides").isNotEqualTo(requester);
                assertThat(deciders.add(decision.decidedBy())).as("nobody decides twice").isTrue();
                if (authorisation.isBelowFloor()) {
                    assertThat(decision.role()).isIn(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
                } else {
                    assertThat(decision.maximumDiscount()).as("authority recorded").isNotNull();
                    assertThat(decision.maximumDiscount()).as("authority covers the discount")
                            .isGreaterThanOrEqualTo(discount);
                }
            }
        }
        List<PriceDecision> approvals = authorisation.approvals();
        Optional<PriceDecision> last = decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
        switch (authorisation.state()) {
            case APPROVED -> {
                if (authorisation.isBelowFloor()) {
                    assertThat(approvals).extracting(PriceDecision::role)
                            .containsExactlyInAnyOrder(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
                    assertThat(approvals.get(0).decidedBy()).isNotEqualTo(approvals.get(1).decidedBy());
                } else {
                    assertThat(approvals).hasSize(1);
                }
                assertThat(decisions).allMatch(PriceDecision::isApproval);
                assertThat(authorisation.missingFloorApprovals()).isEmpty();
            }
            case REQUESTED -> {
                assertThat(decisions).allMatch(PriceDecision::isApproval);
                assertThat(approvals).hasSizeLessThanOrEqualTo(authorisation.isBelowFloor() ? 1 : 0);
                if (authorisation.isBelowFloor()) {
                    assertThat(authorisation.missingFloorApprovals()).hasSize(2 - approvals.size());
                }
            }
            case REJECTED -> assertThat(last).get().extracting(PriceDecision::kind).isEqualTo(PriceDecision.Kind.REJECTION);
            case WITHDRAWN -> assertThat(last).get().extracting(PriceDecision::kind).isEqualTo(PriceDecision.Kind.WITHDRAWAL);
            default -> fail("unknown state " + authorisation.state());
        }
        if (!authorisation.isBelowFloor()) {
            assertThat(authorisation.missingFloorApprovals()).isEmpty();
        }
        if (authorisation.state() == PriceAuthorisationState.REQUESTED) {
            assertThat(authorisation.canBeWithdrawnBy(setup.requester())).isTrue();
        } else {
            assertThat(authorisation.canBeWithdrawnBy(setup.requester())).isFalse();
            assertThat(authorisation.canBeApprovedBy(Actor.withRoles(new UserId("boss"), Role.FINANCIAL_MANAGER,
                    Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER), setup.matrix())).isFalse();
        }
    }

    /** A builder over the snapshot's components, to change one at a time. */
    private static SnapshotCopy copy(PriceAuthorisationSnapshot s) {
        return new SnapshotCopy(s);
    }

    private static final class SnapshotCopy {
        private PriceAuthorisationId id;
        private long version;
        private final PriceAuthorisationSnapshot s;
        private Money offeredPrice;
        private Money floorPrice;
        private UserId requestedBy;
        private String reason;
        private PriceAuthorisationState state;
        private List<PriceDecision> decisions;

        SnapshotCopy(PriceAuthorisationSnapshot s) {
            this.s = s;
            this.id = s.id();
            this.version = s.version();
            this.offeredPrice = s.offeredPrice();
            this.floorPrice = s.floorPrice();
            this.requestedBy = s.requestedBy();
            this.reason = s.reason();
            this.state = s.state();
            this.decisions = s.decisions();
        }

        SnapshotCopy id(PriceAuthorisationId value) {
            id = value;
            return this;
        }

        SnapshotCopy version(long value) {
            version = value;
            return this;
        }

        SnapshotCopy offeredPrice(Money value) {
            offeredPrice = value;
            return this;
        }

        SnapshotCopy floorPrice(Money value) {
            floorPrice = value;
            return this;
        }

        SnapshotCopy requestedBy(UserId value) {
            requestedBy = value;
            return this;
        }

        SnapshotCopy reason(String value) {
            reason = value;
            return this;
        }

        SnapshotCopy state(PriceAuthorisationState value) {
            state = value;
            return this;
        }

        SnapshotCopy decisions(List<PriceDecision> value) {
            decisions = value;
            return this;
        }

        PriceAuthorisationSnapshot build() {
            return new PriceAuthorisationSnapshot(id, version, s.account(), s.product(), s.listPrice(), offeredPrice,
                    floorPrice, requestedBy, s.addressedTo(), s.requestedAt(), reason, state, decisions);
        }
    }
}
