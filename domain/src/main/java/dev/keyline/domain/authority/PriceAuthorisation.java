package dev.keyline.domain.authority;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;
import java.util.function.Supplier;

/**
 * One request for commercial authorisation (商务授权): someone asks to offer a key account (大客户) a
 * product below its list price, and approvers with the authority for it decide.
 *
 * <p>The rules:
 * <ul>
 *   <li>The discount is {@code 1 − offered / list}; the offered price is above zero and at most
 *       the list price ({@link PriceOffer}).</li>
 *   <li>An offer at or above the product's floor price (底价) is approved by one approval from an
 *       actor whose strongest role in the {@link AuthorityMatrix} covers the discount. An approver
 *       whose authority falls short is refused with {@link AuthorityExceededException}.</li>
 *   <li>An offer below the floor price, whatever the matrix says, is approved only once it has an
 *       approval from a {@link Role#FINANCIAL_MANAGER} (财务经理) and one from a
 *       {@link Role#DEPARTMENT_GENERAL_MANAGER} (大客户部总经理), in either order, from two different
 *       people; the first leaves the request {@link PriceAuthorisationState#REQUESTED}. Anyone else
 *       is refused with {@link AuthorityExceededException}.</li>
 *   <li>A rejection by anyone who could approve ends the request; the requester may withdraw it
 *       while it is open.</li>
 *   <li>The requester can neither approve nor reject their own request
 *       ({@link NotAuthorisedException}); nobody decides twice.</li>
 *   <li>Every approval, rejection and withdrawal is recorded as a {@link PriceDecision} (who, when,
 *       why, which role it counted for, on what authority) and never removed; decisions are in time
 *       order, none before the request.</li>
 * </ul>
 *
 * <p>The floor price is taken from the {@link FloorPriceList} when the request is made and kept with
 * it, so a later change of the floor price does not move an open request across it. The authority
 * matrix is passed to every decision, so an approver's authority is the one in force when they
 * decide. Every command either succeeds or throws before changing anything.
 *
 * <p>Events: {@link PriceRequested} ({@value PriceRequested#TYPE}), {@link PriceApprovalRecorded}
 * ({@value PriceApprovalRecorded#TYPE}), {@link PriceApproved} ({@value PriceApproved#TYPE}),
 * {@link PriceRejected} ({@value PriceRejected#TYPE}) and {@link PriceWithdrawn}
 * ({@value PriceWithdrawn#TYPE}).
 */
public final class PriceAuthorisation extends AggregateRoot<PriceAuthorisationId> {

    /**
     * The roles whose approvals an offer below the floor price needs, in the order an approver who
     * holds both counts for when neither has approved yet.
     */
    public static final List<Role> FLOOR_APPROVERS = List.of(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);

    private final PriceOffer offer;
    private final Money floorPrice;
    private final boolean belowFloor;
    private final UserId requestedBy;
    private final Role addressedTo;
    private final Instant requestedAt;
    private final String reason;
    private final List<PriceDecision> decisions = new ArrayList<>();
    private PriceAuthorisationState state = PriceAuthorisationState.REQUESTED;

    private PriceAuthorisation(PriceAuthorisationId id, long version, PriceOffer offer, Money floorPrice,
            UserId requestedBy, Role addressedTo, Instant requestedAt, String reason) {
        super(id, version);
        this.offer = offer;
        this.floorPrice = floorPrice;
        this.belowFloor = floorPrice != null && offer.isBelow(floorPrice);
        this.requestedBy = requestedBy;
        this.addressedTo = addressedTo;
        this.requestedAt = requestedAt;
        this.reason = reason;
    }

    /**
     * Opens a request for a price and records {@link PriceRequested}, addressed to the financial
     * manager when the offer is below the product's floor price, otherwise to the most junior role
     * whose authority covers the discount.
     *
     * @param id the request's id
     * @param offer the price asked for
     * @param requester who asks
     * @param reason why the price is needed; not blank
     * @param floorPrices the floor prices in force; a product without one has no floor
     * @param matrix the authority matrix in force
     * @param at when
     * @return the open request (version 0, never saved)
     * @throws InvalidArgumentException naming the argument when one is null or blank, or the floor
     *     price is in another currency than the offer
     * @throws AuthorityExceededException when the offer is at or above the floor price and no role in
     *     the matrix may grant its discount, so nobody could ever approve it
     */
    public static PriceAuthorisation request(PriceAuthorisationId id, PriceOffer offer, Actor requester,
            String reason, FloorPriceList floorPrices, AuthorityMatrix matrix, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(offer, "offer");
        Require.nonNull(requester, "requester");
        Require.text(reason, "reason");
        Require.nonNull(floorPrices, "floorPrices");
        Require.nonNull(matrix, "matrix");
        Require.nonNull(at, "at");
        Money floor = floorPrices.floorPriceOf(offer.product()).map(FloorPrice::price).orElse(null);
        if (floor != null) {
            Require.that(floor.currency().equals(offer.offeredPrice().currency()), "floorPrices",
                    () -> "the floor price of " + offer.product() + " is " + floor + ", in another currency than the offer "
                            + offer.offeredPrice());
        }
        boolean below = floor != null && offer.isBelow(floor);
        Role addressedTo;
        if (below) {
            addressedTo = Role.FINANCIAL_MANAGER;
        } else {
            addressedTo = matrix.mostJuniorRoleCovering(offer).orElseThrow(() -> new AuthorityExceededException(
                    "no role in the authority matrix may grant a discount of " + offer.discount().toPlainString()
                            + " on " + offer.product() + " for account " + offer.account() + " (the largest is "
                            + matrix.mostSeniorRole().map(r -> r + " with " + matrix.maximumDiscountOf(r).orElseThrow()
                                    .toPlainString()).orElse("none: the matrix is empty")
                            + "); request by " + requester + " refused"));
        }
        PriceAuthorisation authorisation = new PriceAuthorisation(id, 0, offer, floor, requester.user(), addressedTo,
                at, reason);
        authorisation.record(new PriceRequested(EventId.random(), at, id, offer.account(), offer.product(),
                offer.listPrice(), offer.offeredPrice(), offer.discount(), below, floor, requester.user(), addressedTo,
                reason));
        return authorisation;
    }

    /**
     * Approves the price. Below the floor price the approval counts for the approver's financial
     * manager or department general manager role (whichever has not approved yet) and the request
     * is approved once both have; at or above it one approval by an actor whose authority covers the
     * discount approves it. Records {@link PriceApprovalRecorded} or {@link PriceApproved}.
     *
     * @param approver who approves
     * @param matrix the authority matrix in force
     * @param reason why; not blank
     * @param at when; not before the request or the last decision
     * @return the recorded approval
     * @throws InvalidArgumentException naming the argument when one is null or blank or {@code at}
     *     lies before the request or the last decision
     * @throws InvalidStateException when the request is no longer open, the approver has already
     *     decided on it, or the approvals their roles could give are already recorded
     * @throws NotAuthorisedException when the approver is the requester
     * @throws AuthorityExceededException when the approver's authority does not cover the offer:
     *     below the floor price, neither a financial manager nor a department general manager; at or
     *     above it, a strongest role whose maximum discount is below the requested discount
     */
    public PriceDecision approve(Actor approver, AuthorityMatrix matrix, String reason, Instant at) {
        Require.nonNull(approver, "approver");
        Require.nonNull(matrix, "matrix");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        requireInTimeOrder(at);
        Standing standing = standingToApprove(approver, matrix);
        standing.throwIfRefused();
        PriceDecision approval = new PriceDecision(PriceDecision.Kind.APPROVAL, approver.user(), standing.role(),
                standing.maximumDiscount(), at, reason);
        admit(approval);
        if (state == PriceAuthorisationState.APPROVED) {
            List<PriceDecision> approvals = approvals();
            record(new PriceApproved(EventId.random(), at, id(), offer.account(), offer.product(), offer.offeredPrice(),
                    requestedBy, approvals.stream().map(PriceDecision::decidedBy).toList(),
                    approvals.stream().map(PriceDecision::role).toList()));
        } else {
            record(new PriceApprovalRecorded(EventId.random(), at, id(), offer.account(), offer.product(),
                    approver.user(), standing.role(), missingFloorApprovals().iterator().next()));
        }
        return approval;
    }

    /**
     * Rejects the price and records {@link PriceRejected}. Only someone who could approve it may
     * reject it: below the floor price a financial manager or department general manager, at or
     * above it an actor whose authority covers the discount.
     *
     * @param rejecter who rejects
     * @param matrix the authority matrix in force
     * @param reason why; not blank
     * @param at when; not before the request or the last decision
     * @return the recorded rejection
     * @throws InvalidArgumentException naming the argument when one is null or blank or {@code at}
     *     lies before the request or the last decision
     * @throws InvalidStateException when the request is no longer open or the rejecter has already
     *     decided on it
     * @throws NotAuthorisedException when the rejecter is the requester (who withdraws instead)
     * @throws AuthorityExceededException when the rejecter's authority does not cover the offer
     */
    public PriceDecision reject(Actor rejecter, AuthorityMatrix matrix, String reason, Instant at) {
        Require.nonNull(rejecter, "rejecter");
        Require.nonNull(matrix, "matrix");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        requireInTimeOrder(at);
        Standing standing = standingToReject(rejecter, matrix);
        standing.throwIfRefused();
        PriceDecision rejection = new PriceDecision(PriceDecision.Kind.REJECTION, rejecter.user(), standing.role(),
                standing.maximumDiscount(), at, reason);
        admit(rejection);
        record(new PriceRejected(EventId.random(), at, id(), offer.account(), offer.product(), offer.offeredPrice(),
                requestedBy, rejecter.user(), standing.role(), reason));
        return rejection;
    }

    /**
     * The requester takes the request back; records {@link PriceWithdrawn}.
     *
     * @param requester who withdraws; must be the requester
     * @param reason why; not blank
     * @param at when; not before the request or the last decision
     * @return the recorded withdrawal
     * @throws InvalidArgumentException naming the argument when one is null or blank or {@code at}
     *     lies before the request or the last decision
     * @throws InvalidStateException when the request is no longer open
     * @throws NotAuthorisedException when someone other than the requester tries to withdraw it
     */
    public PriceDecision withdraw(Actor requester, String reason, Instant at) {
        Require.nonNull(requester, "requester");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        requireInTimeOrder(at);
        standingToWithdraw(requester).throwIfRefused();
        PriceDecision withdrawal = new PriceDecision(PriceDecision.Kind.WITHDRAWAL, requester.user(), null, null, at,
                reason);
        admit(withdrawal);
        record(new PriceWithdrawn(EventId.random(), at, id(), offer.account(), offer.product(), requester.user(),
                addressedTo, reason));
        return withdrawal;
    }

    /**
     * Whether {@link #approve} would accept an approval by this actor now (query form for user
     * interfaces).
     *
     * @param approver who would approve
     * @param matrix the authority matrix in force
     * @return true when the approval would be recorded
     * @throws InvalidArgumentException when an argument is null
     */
    public boolean canBeApprovedBy(Actor approver, AuthorityMatrix matrix) {
        Require.nonNull(approver, "approver");
        Require.nonNull(matrix, "matrix");
        return standingToApprove(approver, matrix).refusal() == null;
    }

    /**
     * Whether {@link #reject} would accept a rejection by this actor now (query form for user
     * interfaces).
     *
     * @param rejecter who would reject
     * @param matrix the authority matrix in force
     * @return true when the rejection would be recorded
     * @throws InvalidArgumentException when an argument is null
     */
    public boolean canBeRejectedBy(Actor rejecter, AuthorityMatrix matrix) {
        Require.nonNull(rejecter, "rejecter");
        Require.nonNull(matrix, "matrix");
        return standingToReject(rejecter, matrix).refusal() == null;
    }

    /**
     * Whether {@link #withdraw} would accept a withdrawal by this actor now.
     *
     * @param requester who would withdraw
     * @return true when the actor is the requester and the request is open
     * @throws InvalidArgumentException when {@code requester} is null
     */
    public boolean canBeWithdrawnBy(Actor requester) {
        Require.nonNull(requester, "requester");
        return standingToWithdraw(requester).refusal() == null;
    }

    /**
     * The price asked for.
     *
     * @return the offer
     */
    public PriceOffer offer() {
        return offer;
    }

    /**
     * The discount asked for, {@code 1 − offered / list}.
     *
     * @return the discount fraction
     */
    public BigDecimal discount() {
        return offer.discount();
    }

    /**
     * The product's floor price (底价) when the request was made.
     *
     * @return the floor price, or empty when the product had none
     */
    public Optional<Money> floorPrice() {
        return Optional.ofNullable(floorPrice);
    }

    /**
     * Whether the offer is below the floor price, so that it needs a financial manager's and a
     * department general manager's approval.
     *
     * @return true when below the floor price
     */
    public boolean isBelowFloor() {
        return belowFloor;
    }

    /**
     * Who asked.
     *
     * @return the requester
     */
    public UserId requestedBy() {
        return requestedBy;
    }

    /**
     * The role the request was addressed to: the financial manager below the floor price, otherwise
     * the most junior role whose authority covered the discount when it was requested.
     *
     * @return the role
     */
    public Role addressedTo() {
        return addressedTo;
    }

    /**
     * When the request was made.
     *
     * @return the time
     */
    public Instant requestedAt() {
        return requestedAt;
    }

    /**
     * Why the price is asked for.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Where the request stands.
     *
     * @return the state
     */
    public PriceAuthorisationState state() {
        return state;
    }

    /**
     * Every decision, oldest first.
     *
     * @return the decisions
     */
    public List<PriceDecision> decisions() {
        return List.copyOf(decisions);
    }

    /**
     * The approvals, oldest first.
     *
     * @return the approvals
     */
    public List<PriceDecision> approvals() {
        return decisions.stream().filter(PriceDecision::isApproval).toList();
    }

    /**
     * The floor-price approvals still missing: for an offer below the floor price, those of
     * {@link #FLOOR_APPROVERS} not yet given; otherwise none.
     *
     * @return the missing roles, in {@link Role} order
     */
    public Set<Role> missingFloorApprovals() {
        if (!belowFloor) {
            return Set.of();
        }
        EnumSet<Role> missing = EnumSet.copyOf(FLOOR_APPROVERS);
        missing.removeAll(approvedRoles());
        return missing.isEmpty() ? Set.of() : Set.copyOf(missing);
    }

    /**
     * The stored form of this request.
     *
     * @return an immutable snapshot
     */
    public PriceAuthorisationSnapshot snapshot() {
        return new PriceAuthorisationSnapshot(id(), version(), offer.account(), offer.product(), offer.listPrice(),
                offer.offeredPrice(), floorPrice, requestedBy, addressedTo, requestedAt, reason, state, decisions);
    }

    /**
     * Rebuilds a request from its stored form, checking it again: the offer is valid, the floor
     * price is positive and in the offer's currency, a below-floor request is addressed to the
     * financial manager, every decision obeys the rules above in order (replayed with the authority
     * it recorded), and the stored state is the one the decisions lead to.
     *
     * @param snapshot the stored form
     * @return the request
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming what is wrong when any check fails
     */
    public static PriceAuthorisation restore(PriceAuthorisationSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        corruptIf(snapshot.id() == null, "price authorisation: id is missing");
        String name = "price authorisation " + snapshot.id();
        corruptIf(snapshot.version() < 0, () -> name + ": version is negative: " + snapshot.version());
        corruptIf(snapshot.requestedBy() == null, () -> name + ": requestedBy is missing");
        corruptIf(snapshot.addressedTo() == null, () -> name + ": addressedTo is missing");
        corruptIf(snapshot.requestedAt() == null, () -> name + ": requestedAt is missing");
        corruptIf(snapshot.reason() == null || snapshot.reason().isBlank(), () -> name + ": reason is missing");
        corruptIf(snapshot.state() == null, () -> name + ": state is missing");
        corruptIf(snapshot.decisions() == null, () -> name + ": decisions are missing");
        PriceOffer offer;
        try {
            offer = new PriceOffer(snapshot.account(), snapshot.product(), snapshot.listPrice(), snapshot.offeredPrice());
        } catch (InvalidArgumentException e) {
            throw new CorruptStateException(name + ": offer: " + e.getMessage(), e);
        }
        Money floor = snapshot.floorPrice();
        if (floor != null) {
            corruptIf(floor.amount().signum() <= 0, () -> name + ": floor price must be above zero, was " + floor);
            corruptIf(!floor.currency().equals(offer.offeredPrice().currency()),
                    () -> name + ": floor price " + floor + " is in another currency than the offer " + offer.offeredPrice());
        }
        PriceAuthorisation authorisation = new PriceAuthorisation(snapshot.id(), snapshot.version(), offer, floor,
                snapshot.requestedBy(), snapshot.addressedTo(), snapshot.requestedAt(), snapshot.reason());
        corruptIf(authorisation.belowFloor && snapshot.addressedTo() != Role.FINANCIAL_MANAGER,
                () -> name + ": a request below the floor price is addressed to FINANCIAL_MANAGER, was " + snapshot.addressedTo());
        for (int i = 0; i < snapshot.decisions().size(); i++) {
            PriceDecision decision = snapshot.decisions().get(i);
            int index = i;
            corruptIf(decision == null, () -> name + ": decisions[" + index + "] is missing");
            try {
                authorisation.admit(decision);
            } catch (KeylineException e) {
                throw new CorruptStateException(name + ": decisions[" + i + "]: " + e.getMessage(), e);
            }
        }
        corruptIf(authorisation.state != snapshot.state(), () -> name + ": state is " + snapshot.state()
                + " but its decisions lead to " + authorisation.state);
        return authorisation;
    }

    /** Checks a decision against every rule, then appends it and moves the state; throws before changing anything. */
    private void admit(PriceDecision decision) {
        if (state.isFinal()) {
            throw new InvalidStateException(describe() + " is " + state + "; it takes no further decision");
        }
        requireInTimeOrder(decision.decidedAt());
        PriceAuthorisationState next;
        if (decision.kind() == PriceDecision.Kind.WITHDRAWAL) {
            if (!decision.decidedBy().equals(requestedBy)) {
                throw new NotAuthorisedException("user " + decision.decidedBy() + " may not withdraw " + describe()
                        + ": only its requester " + requestedBy + " may");
            }
            next = PriceAuthorisationState.WITHDRAWN;
        } else {
            String verb = decision.isApproval() ? "approve" : "reject";
            if (decision.decidedBy().equals(requestedBy)) {
                throw new NotAuthorisedException("user " + decision.decidedBy() + " may not " + verb + " " + describe()
                        + " that they requested themselves");
            }
            if (hasDecided(decision.decidedBy())) {
                throw new InvalidStateException("user " + decision.decidedBy() + " has already decided on " + describe());
            }
            if (belowFloor) {
                if (!FLOOR_APPROVERS.contains(decision.role())) {
                    throw new AuthorityExceededException(decision.role() + " may not " + verb + " " + describe()
                            + ": below the floor price only " + FLOOR_APPROVERS + " decide");
                }
                if (decision.maximumDiscount() != null) {
                    throw new InvalidStateException("a decision on " + describe()
                            + " below the floor price relies on no authority matrix, but recorded a maximum discount");
                }
                Set<Role> approved = approvedRoles();
                if (decision.isApproval() && approved.contains(decision.role())) {
                    throw new InvalidStateException(describe() + " already has the approval of a " + decision.role());
                }
                approved.add(decision.role());
                next = !decision.isApproval() ? PriceAuthorisationState.REJECTED
                        : approved.containsAll(FLOOR_APPROVERS) ? PriceAuthorisationState.APPROVED
                        : PriceAuthorisationState.REQUESTED;
            } else {
                if (decision.maximumDiscount() == null || !offer.discountWithin(decision.maximumDiscount())) {
                    throw new AuthorityExceededException(decision.role() + " with a maximum discount of "
                            + decision.maximumDiscountIfAny().map(BigDecimal::toPlainString).orElse("none")
                            + " may not " + verb + " " + describe() + " with a discount of "
                            + offer.discount().toPlainString());
                }
                next = decision.isApproval() ? PriceAuthorisationState.APPROVED : PriceAuthorisationState.REJECTED;
            }
        }
        decisions.add(decision);
        state = next;
    }

    private Standing standingToApprove(Actor approver, AuthorityMatrix matrix) {
        Standing common = commonStanding(approver, "approve");
        if (common != null) {
            return common;
        }
        if (belowFloor) {
            List<Role> held = floorRolesHeldBy(approver);
            if (held.isEmpty()) {
                return Standing.refused(belowFloorAuthority(approver, "approve"));
            }
            Set<Role> approved = approvedRoles();
            for (Role role : held) {
                if (!approved.contains(role)) {
                    return Standing.granted(role, null);
                }
            }
            return Standing.refused(new InvalidStateException(describe() + " already has the approval of a "
                    + held + " that " + approver + " could give; it awaits " + missingFloorApprovals()));
        }
        return matrixStanding(approver, matrix);
    }

    private Standing standingToReject(Actor rejecter, AuthorityMatrix matrix) {
        Standing common = commonStanding(rejecter, "reject");
        if (common != null) {
            return common;
        }
        if (belowFloor) {
            List<Role> held = floorRolesHeldBy(rejecter);
            return held.isEmpty() ? Standing.refused(belowFloorAuthority(rejecter, "reject"))
                    : Standing.granted(held.get(0), null);
        }
        return matrixStanding(rejecter, matrix);
    }

    private Standing standingToWithdraw(Actor requester) {
        if (state.isFinal()) {
            return Standing.refused(new InvalidStateException(describe() + " is " + state + "; it can no longer be withdrawn"));
        }
        if (!requester.is(requestedBy)) {
            return Standing.refused(new NotAuthorisedException(requester + " may not withdraw " + describe()
                    + ": only its requester " + requestedBy + " may"));
        }
        return Standing.granted(null, null);
    }

    /** The refusals approving and rejecting share, or null when none applies. */
    private Standing commonStanding(Actor actor, String verb) {
        if (state.isFinal()) {
            return Standing.refused(new InvalidStateException(describe() + " is " + state + "; it can no longer be "
                    + (verb.equals("approve") ? "approved" : "rejected")));
        }
        if (actor.is(requestedBy)) {
            return Standing.refused(new NotAuthorisedException(actor + " may not " + verb + " " + describe()
                    + " that they requested themselves"));
        }
        if (hasDecided(actor.user())) {
            return Standing.refused(new InvalidStateException(actor + " has already decided on " + describe()));
        }
        return null;
    }

    private Standing matrixStanding(Actor actor, AuthorityMatrix matrix) {
        if (!matrix.covers(actor, offer)) {
            return Standing.refused(matrix.exceeded(actor, offer));
        }
        Role role = matrix.strongestRoleOf(actor).orElseThrow();
        return Standing.granted(role, matrix.maximumDiscountOf(role).orElseThrow());
    }

    private AuthorityExceededException belowFloorAuthority(Actor actor, String verb) {
        return new AuthorityExceededException(actor + " may not " + verb + " " + describe() + ": the offered price "
                + offer.offeredPrice() + " is below the floor price " + floorPrice + ", which only "
                + FLOOR_APPROVERS + " decide, whatever the authority matrix; the requested discount is "
                + offer.discount().toPlainString());
    }

    private void requireInTimeOrder(Instant at) {
        if (at.isBefore(requestedAt)) {
            throw new InvalidArgumentException("at", "must not be before the request of " + describe() + " at "
                    + requestedAt + ", was " + at);
        }
        if (!decisions.isEmpty()) {
            Instant last = decisions.get(decisions.size() - 1).decidedAt();
            if (at.isBefore(last)) {
                throw new InvalidArgumentException("at", "must not be before the last decision on " + describe()
                        + " at " + last + ", was " + at);
            }
        }
    }

    private List<Role> floorRolesHeldBy(Actor actor) {
        return FLOOR_APPROVERS.stream().filter(actor::hasRole).toList();
    }

    private Set<Role> approvedRoles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (PriceDecision decision : decisions) {
            if (decision.isApproval()) {
                roles.add(decision.role());
            }
        }
        return roles;
    }

    private boolean hasDecided(UserId user) {
        return decisions.stream().anyMatch(decision -> decision.decidedBy().equals(user));
    }

    private String describe() {
        return "price authorisation " + id() + " (" + offer.product() + " for account " + offer.account() + " at "
                + offer.offeredPrice() + ", list " + offer.listPrice() + ", requested by " + requestedBy + ")";
    }

    private static void corruptIf(boolean condition, String message) {
        if (condition) {
            throw new CorruptStateException(message);
        }
    }

    /** {@link #corruptIf(boolean, String)} with the message built only when the check fails. */
    private static void corruptIf(boolean condition, Supplier<String> message) {
        if (condition) {
            throw new CorruptStateException(message.get());
        }
    }

    /** The role and authority an actor would decide with, or why they may not. */
    private record Standing(Role role, BigDecimal maximumDiscount, KeylineException refusal) {

        static Standing granted(Role role, BigDecimal maximumDiscount) {
            return new Standing(role, maximumDiscount, null);
        }

        static Standing refused(KeylineException refusal) {
            return new Standing(null, null, refusal);
        }

        void throwIfRefused() {
            if (refusal != null) {
                throw refusal;
            }
        }
    }
}
