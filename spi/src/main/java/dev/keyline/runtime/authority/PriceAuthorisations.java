package dev.keyline.runtime.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.AccountStanding;
import dev.keyline.domain.common.Access;
import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPrice;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.spi.authority.AccountStandingRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.runtime.CommandContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Commercial authorisation (商务授权) run through the runtime: floor prices (底价) set by the
 * financial manager, requests for a price below list, and the approvals, rejections and
 * withdrawals on them under the {@link AuthorityMatrix} the service was given.
 *
 * <p>The rules are the domain's ({@link PriceAuthorisation}, {@link FloorPriceList}): only a
 * {@link Role#FINANCIAL_MANAGER} sets floor prices; a request is made by someone who may change the
 * key account ({@link Access#requireMayChange}); an approver's authority comes from the
 * matrix, and an offer below the floor needs the financial manager and the department general
 * manager.
 *
 * <p><b>Decisions under access scope.</b> Approving or rejecting needs both the matrix's level and
 * access to the request's key account: only the approver's roles that reach the account count.
 * Those are the roles under which they may change it ({@link Access#rolesGrantingChange}:
 * its stored account manager, an industry manager of its industry, the department general manager,
 * the general manager) and the financial manager, who keeps the network's floor prices and, like
 * the two general managers, decides organisation-wide. An industry manager who leads only tourism
 * thus cannot approve a discount for a finance account, whatever the matrix gives the role; an
 * approver none of whose roles reach the account is refused with {@link NotAuthorisedException}.
 * Withdrawing is for the requester alone and needs no scope: it only takes their own request back.
 *
 * <p>A refused command throws ({@link NotAuthorisedException},
 * {@link AuthorityExceededException}, …) before anything changes. Every decision is recorded on the
 * request with who, when, why and on what authority, saved with the version check, and announced by
 * an {@code authority.*} event in the same transaction. Immutable and thread-safe.
 */
public final class PriceAuthorisations {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final AuthorityMatrix matrix;
    private final PriceAuthorisationRepository requests;
    private final FloorPriceListRepository floorLists;
    private final AccountStandingRepository accounts;

    private PriceAuthorisations(Keyline keyline, StorageProvider storage, AuthorityMatrix matrix) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.matrix = matrix;
        this.requests = storage.port(PriceAuthorisationRepository.class);
        this.floorLists = storage.port(FloorPriceListRepository.class);
        this.accounts = storage.port(AccountStandingRepository.class);
    }

    /**
     * The commercial-authorisation service on a runtime, deciding under the given authority matrix.
     *
     * @param keyline the runtime; its storage provider must store the authority area (price
     *     authorisations, floor price lists and account standings)
     * @param matrix the authority matrix in force: each role's largest discount off list price
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store them
     */
    public static PriceAuthorisations on(Keyline keyline, AuthorityMatrix matrix) {
        Require.nonNull(keyline, "keyline");
        Require.nonNull(matrix, "matrix");
        return new PriceAuthorisations(keyline, keyline.storage(), matrix);
    }

    /**
     * This service deciding under another matrix (for example after the board changed it); requests
     * already open keep their floor price, and every later decision uses the new matrix.
     *
     * @param newMatrix the matrix in force
     * @return a new service
     */
    public PriceAuthorisations withMatrix(AuthorityMatrix newMatrix) {
        return new PriceAuthorisations(keyline, keyline.storage(), Require.nonNull(newMatrix, "newMatrix"));
    }

    /** {@return the authority matrix this service decides under} */
    public AuthorityMatrix matrix() {
        return matrix;
    }

    /**
     * Sets or changes a product's floor price in a floor price list, creating the list on its first
     * price. Raises {@code authority.floor-price-set}.
     *
     * @param setter who sets it; must be a financial manager
     * @param list the floor price list, typically named after the local network
     * @param product the product
     * @param price the floor price, above zero
     * @return the floor price now in force
     * @throws NotAuthorisedException when the setter is not a financial manager
     */
    public FloorPrice setFloorPrice(Actor setter, FloorPriceListId list, ProductCode product, Money price) {
        Require.nonNull(setter, "setter");
        Require.nonNull(list, "list");
        Require.nonNull(product, "product");
        Require.nonNull(price, "price");
        return keyline.execute(ctx -> {
            if (!setter.hasRole(Role.FINANCIAL_MANAGER)) {
                throw new NotAuthorisedException(setter + " may not set the floor price of " + product + " in list "
                        + list + ": only a FINANCIAL_MANAGER sets floor prices");
            }
            FloorPriceList floors = floorLists.find(list).orElseGet(() -> FloorPriceList.create(list));
            FloorPrice set = floors.setFloorPrice(setter, product, price, ctx.now());
            ctx.save(floorLists, floors);
            return set;
        });
    }

    /**
     * Asks for a price for a key account. The requester must be allowed to change the account. The
     * request takes the product's floor price from the given list (a list never set, or a product
     * without a floor price, means no floor) and is addressed to the financial manager below the
     * floor, otherwise to the most junior role of the matrix that covers the discount. Raises
     * {@code authority.price-requested}.
     *
     * @param requester who asks
     * @param id the request's id
     * @param offer the price asked for; its account must be known to commercial authorisation
     *     (its registration delivered by the relay to {@link AccountStandings}) and not exited
     * @param floorPrices the floor price list in force for the account
     * @param reason why the price is needed, not blank
     * @return the open request
     * @throws NotAuthorisedException when the requester may not change the account
     * @throws NotFoundException when the account is not known to commercial authorisation yet
     * @throws InvalidStateException when the account has exited
     * @throws AuthorityExceededException when no role of the matrix could approve the discount
     * @throws AlreadyExistsException when the id is taken
     */
    public PriceAuthorisationSnapshot request(Actor requester, PriceAuthorisationId id, PriceOffer offer,
            FloorPriceListId floorPrices, String reason) {
        Require.nonNull(requester, "requester");
        Require.nonNull(id, "id");
        Require.nonNull(offer, "offer");
        Require.nonNull(floorPrices, "floorPrices");
        Require.nonBlank(reason, "reason");
        return keyline.execute(ctx -> {
            AccountStanding account = accounts.find(offer.account()).orElseThrow(() -> new NotFoundException("key account "
                    + offer.account() + " is not known to commercial authorisation yet: the relay has not delivered its "
                    + "account.registered event to the " + AccountStandings.REACTION + " reaction"));
            Access.requireMayChange(requester, account.scope(), "request a price for " + offer.product());
            account.requireNotExited();
            FloorPriceList floors = floorLists.find(floorPrices).orElseGet(() -> FloorPriceList.create(floorPrices));
            PriceAuthorisation request = PriceAuthorisation.request(id, offer, requester, reason, floors, matrix, ctx.now());
            ctx.save(requests, request);
            return request.snapshot();
        });
    }

    /**
     * Approves a request under this service's matrix; see {@link PriceAuthorisation#approve}. Only
     * the approver's roles that reach the request's key account count (see the class comment). Raises
     * {@code authority.price-approval-recorded} (the first of two below-floor approvals) or
     * {@code authority.price-approved}.
     *
     * @param approver who approves; never the requester
     * @param id the request
     * @param reason why, not blank
     * @return the recorded approval
     * @throws NotAuthorisedException when the approver is the requester or none of their roles
     *     reaches the request's key account
     * @throws AuthorityExceededException when the authority of the approver's roles that reach the
     *     account does not cover the offer
     */
    public PriceDecision approve(Actor approver, PriceAuthorisationId id, String reason) {
        Require.nonNull(approver, "approver");
        Require.nonBlank(reason, "reason");
        return decide(id, (request, ctx) -> request.approve(onTheAccountOf(request, approver, "approve"), matrix,
                reason, ctx.now()));
    }

    /**
     * Rejects a request; only someone who could approve it may, under the same access scope as
     * {@link #approve}. Raises {@code authority.price-rejected}.
     *
     * @param rejecter who rejects; never the requester
     * @param id the request
     * @param reason why, not blank
     * @return the recorded rejection
     * @throws NotAuthorisedException when the rejecter is the requester or none of their roles
     *     reaches the request's key account
     * @throws AuthorityExceededException when the authority of the rejecter's roles that reach the
     *     account does not cover the offer
     */
    public PriceDecision reject(Actor rejecter, PriceAuthorisationId id, String reason) {
        Require.nonNull(rejecter, "rejecter");
        Require.nonBlank(reason, "reason");
        return decide(id, (request, ctx) -> request.reject(onTheAccountOf(request, rejecter, "reject"), matrix,
                reason, ctx.now()));
    }

    /**
     * The requester takes an open request back; no access scope is needed, since it only takes their
     * own request back. Raises {@code authority.price-withdrawn}.
     *
     * @param requester who withdraws; must be the requester
     * @param id the request
     * @param reason why, not blank
     * @return the recorded withdrawal
     * @throws NotAuthorisedException when someone else tries to withdraw it
     */
    public PriceDecision withdraw(Actor requester, PriceAuthorisationId id, String reason) {
        Require.nonNull(requester, "requester");
        Require.nonBlank(reason, "reason");
        return decide(id, (request, ctx) -> request.withdraw(requester, reason, ctx.now()));
    }

    /**
     * The stored state of a request, with every decision.
     *
     * @param id the request
     * @return its snapshot, or empty when there is none with that id
     */
    public Optional<PriceAuthorisationSnapshot> find(PriceAuthorisationId id) {
        Require.nonNull(id, "id");
        return keyline.transactions().read(() -> requests.find(id).map(PriceAuthorisation::snapshot));
    }

    /**
     * Every request made for a key account.
     *
     * @param account the key account
     * @return their snapshots, ordered by request time, then id
     */
    public List<PriceAuthorisationSnapshot> requestsFor(AccountId account) {
        Require.nonNull(account, "account");
        return keyline.transactions().read(
                () -> requests.byAccount(account).stream().map(PriceAuthorisation::snapshot).toList());
    }

    /**
     * The requests awaiting a decision.
     *
     * @return their snapshots, ordered by request time, then id
     */
    public List<PriceAuthorisationSnapshot> openRequests() {
        return keyline.transactions().read(() -> {
            try (Stream<PriceAuthorisation> open = requests.byStatus(PriceAuthorisationState.REQUESTED)) {
                return open.map(PriceAuthorisation::snapshot).toList();
            }
        });
    }

    /**
     * The stored state of a floor price list, with every setting.
     *
     * @param list the list
     * @return its snapshot, or empty when no price was ever set in it
     */
    public Optional<FloorPriceListSnapshot> floorPrices(FloorPriceListId list) {
        Require.nonNull(list, "list");
        return keyline.transactions().read(() -> floorLists.find(list).map(FloorPriceList::snapshot));
    }

    private PriceDecision decide(PriceAuthorisationId id, BiFunction<PriceAuthorisation, CommandContext, PriceDecision> decision) {
        Require.nonNull(id, "id");
        // the access scope is checked by onTheAccountOf, the authority under the matrix by the decision itself;
        // both throw before the request changes
        return steps.change(requests, id, (request, ctx) -> { }, decision::apply);
    }

    /**
     * The decider as they stand on the request's key account: only the roles that reach it, that is
     * those under which they may change it and the organisation-wide financial manager.
     */
    private Actor onTheAccountOf(PriceAuthorisation request, Actor decider, String attempted) {
        AccessScope scope = accounts.find(request.offer().account()).orElseThrow(() -> new NotFoundException(
                "key account " + request.offer().account() + " is not known to commercial authorisation")).scope();
        Set<Role> reaching = EnumSet.noneOf(Role.class);
        reaching.addAll(Access.rolesGrantingChange(decider, scope));
        if (decider.hasRole(Role.FINANCIAL_MANAGER)) {
            reaching.add(Role.FINANCIAL_MANAGER);
        }
        if (reaching.isEmpty()) {
            throw new NotAuthorisedException(decider + " may not " + attempted + " " + request.id() + " for " + scope
                    + ": only its account manager, an industry manager of " + scope.industry()
                    + ", the financial manager, the department general manager or the general manager decide on its prices");
        }
        return new Actor(decider.user(), reaching,
                reaching.contains(Role.INDUSTRY_MANAGER) ? decider.industries() : Set.of());
    }
}
