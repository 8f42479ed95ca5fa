package dev.keyline.domain.authority;

import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

/**
 * The commercial-authorisation rules written a second time, plainly and without looking at the
 * production code's structure: the discount by division, the strongest role by sorting, the
 * floor-price approvals by counting. Property tests compare {@link PriceAuthorisation} with it.
 */
final class PriceRulesOracle {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    /** What the rules say a command does: the failure it raises, or the state and role it leads to. */
    record Outcome(Class<? extends RuntimeException> failure, PriceAuthorisationState state, Role role) {

        static Outcome fails(Class<? extends RuntimeException> failure) {
            return new Outcome(failure, null, null);
        }

        static Outcome leadsTo(PriceAuthorisationState state, Role role) {
            return new Outcome(null, state, role);
        }

        boolean accepted() {
            return failure == null;
        }
    }

    /** One decision as the oracle remembers it. */
    record Seen(String kind, UserId by, Role role, Instant at) {
    }

    private final PriceOffer offer;
    private final Money floor;
    private final UserId requester;
    private final Instant requestedAt;
    private final List<Seen> seen = new ArrayList<>();
    private PriceAuthorisationState state = PriceAuthorisationState.REQUESTED;

    PriceRulesOracle(PriceOffer offer, Money floor, UserId requester, Instant requestedAt) {
        this.offer = offer;
        this.floor = floor;
        this.requester = requester;
        this.requestedAt = requestedAt;
    }

    static BigDecimal discountOf(PriceOffer offer) {
        BigDecimal list = offer.listPrice().amount();
        BigDecimal offered = offer.offeredPrice().amount();
        return BigDecimal.ONE.subtract(offered.divide(list, PRECISION));
    }

    static boolean isBelow(PriceOffer offer, Money floor) {
        return floor != null && offer.offeredPrice().amount().compareTo(floor.amount()) < 0;
    }

    /** The actor's role with the largest maximum; on a tie the one declared first. */
    static Optional<Role> strongest(Actor actor, AuthorityMatrix matrix) {
        return actor.roles().stream()
                .filter(role -> matrix.maximumDiscounts().containsKey(role))
                .sorted(Comparator.comparing((Role role) -> matrix.maximumDiscounts().get(role)).reversed()
                        .thenComparing(Role::ordinal))
                .findFirst();
    }

    static boolean covers(Actor actor, AuthorityMatrix matrix, PriceOffer offer) {
        return strongest(actor, matrix)
                .map(role -> matrix.maximumDiscounts().get(role).compareTo(discountOf(offer)) >= 0)
                .orElse(false);
    }

    /** The role a request should be addressed to, or empty when the rules refuse the request. */
    static Optional<Role> addressee(PriceOffer offer, Money floor, AuthorityMatrix matrix) {
        if (isBelow(offer, floor)) {
            return Optional.of(Role.FINANCIAL_MANAGER);
        }
        BigDecimal discount = discountOf(offer);
        return matrix.maximumDiscounts().entrySet().stream()
                .filter(e -> e.getValue().compareTo(discount) >= 0)
                .sorted(Map.Entry.<Role, BigDecimal>comparingByValue().thenComparing(e -> e.getKey().ordinal()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    PriceAuthorisationState state() {
        return state;
    }

    boolean belowFloor() {
        return isBelow(offer, floor);
    }

    /** Predicts an approval or rejection and, when accepted, remembers it. */
    Outcome decide(boolean approve, Actor actor, AuthorityMatrix matrix, String reason, Instant at) {
        Outcome outcome = predictDecision(approve, actor, matrix, reason, at);
        if (outcome.accepted()) {
            seen.add(new Seen(approve ? "approval" : "rejection", actor.user(), outcome.role(), at));
            state = outcome.state();
        }
        return outcome;
    }

    /** Predicts a withdrawal and, when accepted, remembers it. */
    Outcome withdraw(Actor actor, String reason, Instant at) {
        Outcome outcome;
        if (reason.isBlank() || outOfOrder(at)) {
            outcome = Outcome.fails(InvalidArgumentException.class);
        } else if (state != PriceAuthorisationState.REQUESTED) {
            outcome = Outcome.fails(InvalidStateException.class);
        } else if (!actor.user().equals(requester)) {
            outcome = Outcome.fails(NotAuthorisedException.class);
        } else {
            outcome = Outcome.leadsTo(PriceAuthorisationState.WITHDRAWN, null);
        }
        if (outcome.accepted()) {
            seen.add(new Seen("withdrawal", actor.user(), null, at));
            state = outcome.state();
        }
        return outcome;
    }

    private Outcome predictDecision(boolean approve, Actor actor, AuthorityMatrix matrix, String reason, Instant at) {
        if (reason.isBlank() || outOfOrder(at)) {
            return Outcome.fails(InvalidArgumentException.class);
        }
        if (state != PriceAuthorisationState.REQUESTED) {
            return Outcome.fails(InvalidStateException.class);
        }
        if (actor.user().equals(requester)) {
            return Outcome.fails(NotAuthorisedException.class);
        }
        if (seen.stream().anyMatch(s -> s.by().equals(actor.user()))) {
            return Outcome.fails(InvalidStateException.class);
        }
        if (belowFloor()) {
            List<Role> mine = new ArrayList<>();
            if (actor.roles().contains(Role.FINANCIAL_MANAGER)) {
                mine.add(Role.FINANCIAL_MANAGER);
            }
            if (actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER)) {
                mine.add(Role.DEPARTMENT_GENERAL_MANAGER);
            }
            if (mine.isEmpty()) {
                return Outcome.fails(AuthorityExceededException.class);
            }
            if (!approve) {
                return Outcome.leadsTo(PriceAuthorisationState.REJECTED, mine.get(0));
            }
            List<Role> given = seen.stream().filter(s -> s.kind().equals("approval")).map(Seen::role).toList();
            List<Role> open = mine.stream().filter(role -> !given.contains(role)).toList();
            if (open.isEmpty()) {
                return Outcome.fails(InvalidStateException.class);
            }
            boolean both = given.size() + 1 == 2;
            return Outcome.leadsTo(both ? PriceAuthorisationState.APPROVED : PriceAuthorisationState.REQUESTED, open.get(0));
        }
        if (!covers(actor, matrix, offer)) {
            return Outcome.fails(AuthorityExceededException.class);
        }
        Role role = strongest(actor, matrix).orElseThrow();
        return Outcome.leadsTo(approve ? PriceAuthorisationState.APPROVED : PriceAuthorisationState.REJECTED, role);
    }

    private boolean outOfOrder(Instant at) {
        Instant last = seen.isEmpty() ? requestedAt : seen.get(seen.size() - 1).at();
        return at.isBefore(last);
    }
}
