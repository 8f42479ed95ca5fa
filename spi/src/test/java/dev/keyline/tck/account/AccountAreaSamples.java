package dev.keyline.tck.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityGenerators;
import dev.keyline.domain.authority.AuthorityGenerators.Approve;
import dev.keyline.domain.authority.AuthorityGenerators.PriceCommand;
import dev.keyline.domain.authority.AuthorityGenerators.PriceRequestSetup;
import dev.keyline.domain.authority.AuthorityGenerators.Reject;
import dev.keyline.domain.authority.AuthorityGenerators.Withdraw;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helpers of the account-area contracts: fresh ids that sort the same in every provider (one
 * prefix, six digits), and copies of generated aggregates under such ids, so that the domain's
 * generators (which draw ids from small pools) can feed one shared storage.
 */
public final class AccountAreaSamples {

    /** The instant hand-made samples start at. */
    public static final Instant T0 = Instant.parse("2024-01-01T08:00:00Z");

    /** Suzhou, the network most samples belong to. */
    public static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");

    /** Kunming, the second network of the samples. */
    public static final LocalNetworkId KUNMING = new LocalNetworkId("KM");

    /** A user who registers and changes samples. */
    public static final UserId CLERK = new UserId("clerk");

    private final AtomicInteger counter = new AtomicInteger();

    /**
     * A fresh identifier text: the prefix and six digits.
     *
     * @param prefix upper-case letters
     * @return for example {@code KA000017}
     */
    public String nextId(String prefix) {
        return String.format("%s%06d", prefix, counter.incrementAndGet());
    }

    /** A fresh account id. */
    public AccountId accountId() {
        return new AccountId(nextId("KA"));
    }

    /** A fresh network id, so that a test's network holds only what the test put there. */
    public LocalNetworkId networkId() {
        return new LocalNetworkId(nextId("NW"));
    }

    /** A fresh user id. */
    public UserId userId() {
        return new UserId(nextId("U"));
    }

    /**
     * A prospect registered at {@link #T0}.
     *
     * @param id its id
     * @param network its network
     * @param industry its industry
     * @return the account, version 0
     */
    public static KeyAccount prospect(AccountId id, LocalNetworkId network, Industry industry) {
        return KeyAccount.register(id, "Customer " + id.value(), network, industry, CLERK, T0);
    }

    /**
     * The same account state under another id (and version 0), as a new, never saved account.
     *
     * @param account a generated account
     * @param id the id to give it
     * @return a restored copy
     */
    public static KeyAccount renamed(KeyAccount account, AccountId id) {
        KeyAccountSnapshot s = account.snapshot();
        return KeyAccount.restore(new KeyAccountSnapshot(id, 0, s.name(), s.network(), s.industry(), s.profile(),
                s.potential(), s.status(), s.tier(), s.accountManager(), s.team(), s.churnSignals(),
                s.churnWarningSince(), s.exitReason(), s.exitedAt(), s.registeredBy(), s.registeredAt(),
                s.lastChangedAt(), s.tierHistory()));
    }

    /**
     * The same plan state under another id and account (and version 0).
     *
     * @param plan a generated plan
     * @param id the id to give it
     * @param account the account to give it
     * @return a restored copy
     */
    public static AccountPlan renamed(AccountPlan plan, AccountPlanId id, AccountId account) {
        AccountPlanSnapshot s = plan.snapshot();
        return AccountPlan.restore(new AccountPlanSnapshot(id, 0, account, s.network(), s.year(), s.revenueTarget(),
                s.actions(), s.resourceItems(), s.drawnBy(), s.drawnAt(), s.lastChangedAt()));
    }

    /**
     * The same request under another id (and version 0).
     *
     * @param authorisation a generated request
     * @param id the id to give it
     * @return a restored copy
     */
    public static PriceAuthorisation renamed(PriceAuthorisation authorisation, PriceAuthorisationId id) {
        PriceAuthorisationSnapshot s = authorisation.snapshot();
        return PriceAuthorisation.restore(new PriceAuthorisationSnapshot(id, 0, s.account(), s.product(), s.listPrice(),
                s.offeredPrice(), s.floorPrice(), s.requestedBy(), s.addressedTo(), s.requestedAt(), s.reason(),
                s.state(), s.decisions()));
    }

    /**
     * The same list under another id (and version 0).
     *
     * @param list a generated list
     * @param id the id to give it
     * @return a restored copy
     */
    public static FloorPriceList renamed(FloorPriceList list, FloorPriceListId id) {
        return FloorPriceList.restore(new FloorPriceListSnapshot(id, 0, list.snapshot().history()));
    }

    /**
     * Opens a generated request and applies generated commands to it, skipping refused ones; see
     * {@link #decide(PriceAuthorisation, PriceRequestSetup, List)}. When no role of the setup's
     * matrix covers the offer, the request is opened under a matrix in which the general manager
     * may grant any discount.
     *
     * @param setup the generated request
     * @param id the request's id
     * @param commands the generated commands
     * @return the request in the state the accepted commands led to
     */
    public static PriceAuthorisation decided(PriceRequestSetup setup, PriceAuthorisationId id,
            List<PriceCommand> commands) {
        PriceAuthorisation authorisation;
        try {
            authorisation = setup.open(id);
        } catch (AuthorityExceededException nobodyCovers) {
            AuthorityMatrix matrix = setup.matrix().with(Role.GENERAL_MANAGER, BigDecimal.ONE);
            authorisation = PriceAuthorisation.request(id, setup.offer(), setup.requester(),
                    "customer asks for a better price", setup.floorPrices(), matrix, AuthorityGenerators.EPOCH);
        }
        return decide(authorisation, setup, commands);
    }

    /**
     * Applies generated commands to a request, skipping refused ones: each command acts the given
     * number of minutes after the last decision (or the request) with its own matrix or the
     * setup's.
     *
     * @param authorisation the request
     * @param setup the generated request it was opened from
     * @param commands the generated commands
     * @return the same request
     */
    public static PriceAuthorisation decide(PriceAuthorisation authorisation, PriceRequestSetup setup,
            List<PriceCommand> commands) {
        List<PriceDecision> decisions = authorisation.decisions();
        Instant clock = decisions.isEmpty() ? authorisation.requestedAt() : decisions.get(decisions.size() - 1).decidedAt();
        for (PriceCommand command : commands) {
            Instant at = clock.plus(Duration.ofMinutes(command.minutesLater()));
            try {
                if (command instanceof Approve approve) {
                    authorisation.approve(approve.actor(), approve.matrix().orElse(setup.matrix()), approve.reason(), at);
                } else if (command instanceof Reject reject) {
                    authorisation.reject(reject.actor(), reject.matrix().orElse(setup.matrix()), reject.reason(), at);
                } else {
                    Withdraw withdraw = (Withdraw) command;
                    Actor who = withdraw.byRequester() ? setup.requester() : withdraw.actor();
                    authorisation.withdraw(who, withdraw.reason(), at);
                }
                clock = at;
            } catch (KeylineException refused) {
                // a refused command changes nothing; only the end state is stored
            }
        }
        return authorisation;
    }
}
