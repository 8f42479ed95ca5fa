package dev.keyline.runtime.account;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.AccountAccess;
import dev.keyline.domain.common.Access;
import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The lifecycle of key accounts (大客户管理) run through the runtime: registering and serving key
 * accounts (大客户), billing's spend facts, manual tier overrides and exit (离网). The periodic
 * reclassification (大客户重新认定) is {@link Reclassifications}, the churn warning loop (客户预警)
 * {@link ChurnWarnings}; all three follow the steps below (written once in {@link ServiceSteps}).
 *
 * <p><b>Every command</b> takes the {@link Actor} who issues it and
 * <ol>
 *   <li>validates its arguments (an {@link InvalidArgumentException} naming the argument);</li>
 *   <li>runs in one transaction of the runtime ({@link Keyline#execute}), joining one already active
 *       on the calling thread;</li>
 *   <li>loads what it needs and checks access with {@link Access} (and {@link AccountAccess} for a tier override) <em>before</em> changing
 *       anything: an account manager (客户经理) changes only the accounts whose stored account
 *       manager they are (the stored account is the one source of the assignment), an
 *       industry manager (行业经理) those of the industries they lead, the department general manager
 *       and the general manager any; anyone else gets a {@link NotAuthorisedException} and nothing
 *       changes, no event is written;</li>
 *   <li>calls the domain, saves with the version check (a concurrent change surfaces as
 *       {@link StaleVersionException}) and writes the raised events to the outbox in the same
 *       transaction, so the relay delivers them if and only if the command committed.</li>
 * </ol>
 * Any failure rolls the whole command back. Commands return an immutable snapshot of what they
 * changed; queries run in a transaction of their own and need no actor.
 *
 * <p>The service is immutable and thread-safe.
 *
 * <p><b>Exit.</b> {@link #exit(Actor, AccountId, String)} raises {@link AccountExited}, type
 * {@value AccountExited#TYPE}, addressed to the account manager role with the account and its
 * network: the resources area consumes it to release every resource the account holds.
 */
public final class KeyAccounts {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final KeyAccountRepository accounts;
    private final SpendFactRepository spendFacts;

    private KeyAccounts(Keyline keyline, KeyAccountRepository accounts, SpendFactRepository spendFacts) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.accounts = accounts;
        this.spendFacts = spendFacts;
    }

    /**
     * The key-account service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the key-account area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store the key-account area
     */
    public static KeyAccounts on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        StorageProvider storage = keyline.storage();
        return new KeyAccounts(keyline, storage.port(KeyAccountRepository.class), storage.port(SpendFactRepository.class));
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Registers a customer as a prospective key account (status {@code PROSPECT}, tier
     * {@code NONE}, no account manager). Registering is for an industry manager of the account's
     * industry, the department general manager or the general manager
     * ({@link Access#requireMayAssign}); an account manager may not, because an account
     * manager's access comes only from the stored accounts they manage and a new account has no
     * manager yet. The account manager is assigned afterwards with
     * {@link #assignManager(Actor, AccountId, UserId)}. Raises {@code account.registered}.
     *
     * @param actor who registers it
     * @param id the account id
     * @param name the customer name, not blank
     * @param network the local network that manages it
     * @param industry its industry
     * @param profile its characteristics
     * @param potential its potential key-account flags
     * @return the new account
     * @throws NotAuthorisedException when the actor may not register an account of that industry
     * @throws AlreadyExistsException when the id is taken
     */
    public KeyAccountSnapshot register(Actor actor, AccountId id, String name, LocalNetworkId network, Industry industry,
            AccountProfile profile, PotentialFlags potential) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.nonBlank(name, "name");
        Require.nonNull(network, "network");
        Require.nonNull(industry, "industry");
        Require.nonNull(profile, "profile");
        Require.nonNull(potential, "potential");
        return keyline.execute(ctx -> {
            Access.requireMayAssign(actor, id.accessScope(network, industry, Optional.empty()), "register the key account");
            // no look-up first: saving a new account reports a taken id (for a database, its primary key)
            KeyAccount account = KeyAccount.register(id, name, network, industry, profile, potential, actor.user(), ctx.now());
            ctx.save(accounts, account);
            return account.snapshot();
        });
    }

    /**
     * Registers a customer with a blank profile and no potential flags; see
     * {@link #register(Actor, AccountId, String, LocalNetworkId, Industry, AccountProfile, PotentialFlags)}.
     *
     * @param actor who registers it
     * @param id the account id
     * @param name the customer name
     * @param network the local network
     * @param industry the industry
     * @return the new account
     */
    public KeyAccountSnapshot register(Actor actor, AccountId id, String name, LocalNetworkId network, Industry industry) {
        return register(actor, id, name, network, industry, AccountProfile.blank(), PotentialFlags.none());
    }

    /**
     * Makes {@code manager} the account manager (客户经理) of the account. The stored account manager
     * is the one source of an account manager's access: from this command on, {@code manager} may
     * change the account and the previous account manager may not. So only an industry manager of
     * the account's industry, the department general manager or the general manager assigns
     * ({@link Access#requireMayAssign}); an account manager cannot hand their account on.
     * Raises {@code account.manager-assigned}.
     *
     * @param actor who assigns
     * @param account the account
     * @param manager the new account manager
     * @return the account
     * @throws NotAuthorisedException when the actor may not assign the account's manager
     */
    public KeyAccountSnapshot assignManager(Actor actor, AccountId account, UserId manager) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        Require.nonNull(manager, "manager");
        return steps.change(accounts, account,
                (a, ctx) -> Access.requireMayAssign(actor, a.accessScope(), "assign an account manager"),
                (a, ctx) -> a.assignManager(manager, actor.user(), ctx.now()), KeyAccount::snapshot);
    }

    /**
     * Gives the account a virtual team (虚拟团队). Raises {@code account.team-assigned}.
     *
     * @param actor who assigns it
     * @param account the account
     * @param team the team
     * @return the account
     */
    public KeyAccountSnapshot assignTeam(Actor actor, AccountId account, AccountTeam team) {
        Require.nonNull(team, "team");
        return change(actor, account, "assign a team", (a, ctx) -> a.assignTeam(team, actor.user(), ctx.now()));
    }

    /**
     * Starts serving a prospect as a key account ({@code PROSPECT → ACTIVE}); it must have an
     * account manager. Raises {@code account.activated}.
     *
     * @param actor who activates it
     * @param account the account
     * @return the account
     */
    public KeyAccountSnapshot activate(Actor actor, AccountId account) {
        return change(actor, account, "activate the account", (a, ctx) -> a.activate(actor.user(), ctx.now()));
    }

    /**
     * Replaces the account's characteristics. Raises {@code account.profile-updated}.
     *
     * @param actor who updates it
     * @param account the account
     * @param profile the new profile
     * @return the account
     */
    public KeyAccountSnapshot updateProfile(Actor actor, AccountId account, AccountProfile profile) {
        Require.nonNull(profile, "profile");
        return change(actor, account, "update the profile", (a, ctx) -> a.updateProfile(profile, actor.user(), ctx.now()));
    }

    /**
     * Replaces the account's potential key-account flags. Raises {@code account.potential-flagged}.
     *
     * @param actor who sets them
     * @param account the account
     * @param flags the new flags
     * @return the account
     */
    public KeyAccountSnapshot flagPotential(Actor actor, AccountId account, PotentialFlags flags) {
        Require.nonNull(flags, "flags");
        return change(actor, account, "flag the potential", (a, ctx) -> a.flagPotential(flags, actor.user(), ctx.now()));
    }

    /**
     * Records that the customer left the network (离网). Raises {@link AccountExited} (type
     * {@value AccountExited#TYPE}), which tells the resources area to release every resource the
     * account holds.
     *
     * @param actor who records the exit
     * @param account the account
     * @param reason why it left, not blank
     * @return the account, exited
     */
    public KeyAccountSnapshot exit(Actor actor, AccountId account, String reason) {
        Require.nonBlank(reason, "reason");
        return change(actor, account, "record the exit", (a, ctx) -> a.exit(reason, actor.user(), ctx.now()));
    }

    // ---------------------------------------------------------------- tiers

    /**
     * Sets an account's tier by hand (for example onto or off the national list), with a reason.
     * The requester needs access to the account; the approver must be an industry manager of its
     * industry, the department general manager or the general manager, and not the requester
     * ({@link AccountAccess#requireMayApproveTierOverride}). Raises {@code account.tier-changed}.
     *
     * @param requester who asks for the override
     * @param approver who approves it
     * @param account the account
     * @param tier the new tier; differs from the current one
     * @param reason why, not blank
     * @return the account
     * @throws NotAuthorisedException when the requester may not change the account or the approver
     *     may not approve the override
     */
    public KeyAccountSnapshot overrideTier(Actor requester, Actor approver, AccountId account, Tier tier, String reason) {
        Require.nonNull(requester, "requester");
        Require.nonNull(approver, "approver");
        Require.nonNull(account, "account");
        Require.nonNull(tier, "tier");
        Require.nonBlank(reason, "reason");
        return steps.change(accounts, account, (a, ctx) -> {
            AccessScope scope = a.accessScope();
            Access.requireMayChange(requester, scope, "ask for a tier override");
            AccountAccess.requireMayApproveTierOverride(approver, scope, requester.user());
        }, (a, ctx) -> a.overrideTier(tier, reason, requester.user(), approver.user(), ctx.now()), KeyAccount::snapshot);
    }

    // ---------------------------------------------------------------- spend

    /**
     * Appends billing's spend facts (originals or corrections), all together or none. For each
     * account concerned the actor needs access to it; facts of customers that are not registered
     * (which still count in their network's total revenue) need the department general manager or
     * the general manager. A fact of a registered account must name the account's network.
     *
     * @param actor who records them
     * @param facts the facts; an empty list does nothing
     * @throws NotAuthorisedException when the actor may not change an account concerned
     * @throws AlreadyExistsException when a fact id is taken
     * @throws InvalidArgumentException when a fact names another network than its registered
     *     account, or a correction does not fit the fact it corrects
     */
    public void recordSpend(Actor actor, List<SpendFact> facts) {
        Require.nonNull(actor, "actor");
        List<SpendFact> given = Require.nonNullElements(facts, "facts");
        keyline.run(ctx -> {
            Map<AccountId, LocalNetworkId> concerned = new LinkedHashMap<>();
            for (SpendFact fact : given) {
                concerned.putIfAbsent(fact.account(), fact.network());
            }
            for (Map.Entry<AccountId, LocalNetworkId> entry : concerned.entrySet()) {
                requireMayRecordSpend(actor, entry.getKey(), entry.getValue());
            }
            spendFacts.appendAll(given);
        });
    }

    /**
     * Appends one of billing's spend facts; see {@link #recordSpend(Actor, List)}.
     *
     * @param actor who records it
     * @param fact the fact
     */
    public void recordSpend(Actor actor, SpendFact fact) {
        recordSpend(actor, List.of(Require.nonNull(fact, "fact")));
    }

    /**
     * Corrects a stored spend fact: appends a new fact for the same account, network and month,
     * recorded now, that replaces the corrected fact's amount. The corrected fact must be the latest
     * of its correction chain. Access as for {@link #recordSpend(Actor, List)}.
     *
     * @param actor who corrects it
     * @param corrected the id of the fact to correct
     * @param correction the id of the correcting fact
     * @param amount the corrected amount, not negative
     * @return the correcting fact
     * @throws NotFoundException when no fact has the id {@code corrected}
     * @throws InvalidStateException when the fact is already corrected
     */
    public SpendFact correctSpend(Actor actor, SpendFactId corrected, SpendFactId correction, Money amount) {
        Require.nonNull(actor, "actor");
        Require.nonNull(corrected, "corrected");
        Require.nonNull(correction, "correction");
        Require.nonNull(amount, "amount");
        Require.nonNegative(amount.amount(), "amount");
        return keyline.execute(ctx -> {
            SpendFact original = spendFacts.find(corrected)
                    .orElseThrow(() -> new NotFoundException("no spend fact with id " + corrected));
            requireMayRecordSpend(actor, original.account(), original.network());
            SpendFact fact = original.correctedBy(correction, amount, ctx.now());
            spendFacts.append(fact);
            return fact;
        });
    }

    private void requireMayRecordSpend(Actor actor, AccountId account, LocalNetworkId network) {
        Optional<KeyAccount> registered = accounts.find(account);
        if (registered.isEmpty()) {
            AccountScopes.requireChangesEveryAccount(actor, "record the spend of the unregistered customer " + account);
            return;
        }
        Access.requireMayChange(actor, registered.get().accessScope(), "record spend");
        if (!registered.get().network().equals(network)) {
            throw new InvalidArgumentException("facts", "key account " + account + " belongs to network "
                    + registered.get().network() + ", but a fact names network " + network);
        }
    }

    // ---------------------------------------------------------------- queries

    /**
     * The stored state of an account.
     *
     * @param account the account
     * @return its snapshot, or empty when none is registered with that id
     */
    public Optional<KeyAccountSnapshot> find(AccountId account) {
        Require.nonNull(account, "account");
        return keyline.transactions().read(() -> accounts.find(account).map(KeyAccount::snapshot));
    }

    /**
     * The stored state of an account.
     *
     * @param account the account
     * @return its snapshot
     * @throws NotFoundException when none is registered with that id
     */
    public KeyAccountSnapshot get(AccountId account) {
        return find(account).orElseThrow(() -> new NotFoundException("no key account with id " + account));
    }

    /**
     * Every registered account of a network, in every status.
     *
     * @param network the local network
     * @return their snapshots, ordered by account id
     */
    public List<KeyAccountSnapshot> accountsOf(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return keyline.transactions().read(() -> {
            try (Stream<KeyAccount> stream = accounts.byNetwork(network)) {
                return stream.map(KeyAccount::snapshot).toList();
            }
        });
    }

    /**
     * The accounts whose account manager is the given user.
     *
     * @param manager the account manager
     * @return their snapshots, ordered by account id
     */
    public List<KeyAccountSnapshot> accountsManagedBy(UserId manager) {
        Require.nonNull(manager, "manager");
        return keyline.transactions().read(() -> {
            try (Stream<KeyAccount> stream = accounts.byManager(manager)) {
                return stream.map(KeyAccount::snapshot).toList();
            }
        });
    }

    /**
     * Every stored spend fact of an account, corrections included.
     *
     * @param account the account
     * @return the facts ordered by month, then recording time, then id
     */
    public List<SpendFact> spendOf(AccountId account) {
        Require.nonNull(account, "account");
        return keyline.transactions().read(() -> spendFacts.byAccount(account));
    }

    // ---------------------------------------------------------------- plumbing

    private KeyAccountSnapshot change(Actor actor, AccountId account, String attempted,
            BiConsumer<KeyAccount, CommandContext> command) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        return steps.change(accounts, account,
                (a, ctx) -> Access.requireMayChange(actor, a.accessScope(), attempted),
                command, KeyAccount::snapshot);
    }
}
