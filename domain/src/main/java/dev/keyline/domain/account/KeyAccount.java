package dev.keyline.domain.account;

import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import java.util.function.Supplier;

/**
 * A key account (大客户): a customer of a local network (本地网) served by an account manager
 * (客户经理), with its characteristics, potential flags, tier (一级 local / 二级 national /
 * potential / none) and the history of every tier change, and its lifecycle up to churn (离网).
 *
 * <p>Invariants, checked by every command and again by {@link #restore(KeyAccountSnapshot)}:
 * <ul>
 *   <li>the status follows {@link AccountStatus}'s transitions; an exited account accepts no command;</li>
 *   <li>an active account, or one under a churn warning, has an account manager;</li>
 *   <li>a churn warning is open (with at least one signal and a start time) exactly when the status is
 *       {@link AccountStatus#CHURN_WARNING};</li>
 *   <li>an exit reason and time are present exactly when the status is {@link AccountStatus#EXITED};</li>
 *   <li>the tier history is a chain: the first change starts at {@link Tier#NONE}, each change starts
 *       where the previous ended, the last ends at the current tier (no history: tier {@code NONE});</li>
 *   <li>time never goes back: every command's time is at or after the previous one's.</li>
 * </ul>
 * Each command either keeps every invariant or throws before changing anything. Who may run a
 * command (access scope, commercial authority) is checked by the caller before calling.
 */
public final class KeyAccount extends AggregateRoot<AccountId> {

    private final String name;
    private final LocalNetworkId network;
    private final Industry industry;
    private final UserId registeredBy;
    private final Instant registeredAt;
    private AccountProfile profile;
    private PotentialFlags potential;
    private AccountStatus status;
    private Tier tier;
    private UserId accountManager;
    private AccountTeam team;
    private List<ChurnSignal> churnSignals;
    private Instant churnWarningSince;
    private String exitReason;
    private Instant exitedAt;
    private Instant lastChangedAt;
    private final List<TierChange> tierHistory;

    private KeyAccount(KeyAccountSnapshot s) {
        super(s.id(), s.version());
        this.name = s.name();
        this.network = s.network();
        this.industry = s.industry();
        this.registeredBy = s.registeredBy();
        this.registeredAt = s.registeredAt();
        this.profile = s.profile();
        this.potential = s.potential();
        this.status = s.status();
        this.tier = s.tier();
        this.accountManager = s.accountManager().orElse(null);
        this.team = s.team().orElse(null);
        this.churnSignals = List.copyOf(s.churnSignals());
        this.churnWarningSince = s.churnWarningSince().orElse(null);
        this.exitReason = s.exitReason().orElse(null);
        this.exitedAt = s.exitedAt().orElse(null);
        this.lastChangedAt = s.lastChangedAt();
        this.tierHistory = new ArrayList<>(s.tierHistory());
    }

    /**
     * Registers a customer as a prospective key account: status {@link AccountStatus#PROSPECT},
     * tier {@link Tier#NONE}, no account manager. Raises {@link AccountRegistered}.
     *
     * @param id the account id
     * @param name the customer name, not blank (trimmed)
     * @param network the local network it belongs to
     * @param industry its industry
     * @param profile its characteristics
     * @param potential its potential key-account flags
     * @param by who registers it
     * @param at when
     * @return the new account, version 0
     */
    public static KeyAccount register(AccountId id, String name, LocalNetworkId network, Industry industry,
            AccountProfile profile, PotentialFlags potential, UserId by, Instant at) {
        Require.nonNull(id, "id");
        Require.text(name, "name", Limits.NAME_LENGTH);
        Require.nonNull(network, "network");
        Require.nonNull(industry, "industry");
        Require.nonNull(profile, "profile");
        Require.nonNull(potential, "potential");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        String trimmed = name.strip();
        KeyAccount account = new KeyAccount(new KeyAccountSnapshot(id, 0, trimmed, network, industry, profile,
                potential, AccountStatus.PROSPECT, Tier.NONE, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), by, at, at, List.of()));
        account.record(new AccountRegistered(EventId.random(), at, id, network, trimmed, industry, by));
        return account;
    }

    /**
     * Registers a customer with a blank profile and no potential flags; see
     * {@link #register(AccountId, String, LocalNetworkId, Industry, AccountProfile, PotentialFlags, UserId, Instant)}.
     *
     * @param id the account id
     * @param name the customer name
     * @param network the local network
     * @param industry the industry
     * @param by who registers it
     * @param at when
     * @return the new account
     */
    public static KeyAccount register(AccountId id, String name, LocalNetworkId network, Industry industry,
            UserId by, Instant at) {
        return register(id, name, network, industry, AccountProfile.blank(), PotentialFlags.none(), by, at);
    }

    /**
     * Rebuilds an account from a stored snapshot, checking every invariant again.
     *
     * @param snapshot the stored state
     * @return the account, at the snapshot's version, with no pending events
     * @throws CorruptStateException when the snapshot violates an invariant
     */
    public static KeyAccount restore(KeyAccountSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        verify(snapshot);
        return new KeyAccount(snapshot);
    }

    /**
     * Starts serving a prospect as a key account: {@code PROSPECT → ACTIVE}. The account must have
     * an account manager. Raises {@link AccountActivated}.
     *
     * @param by who activates it
     * @param at when
     * @throws InvalidStateException when not a prospect or no account manager is assigned
     */
    public void activate(UserId by, Instant at) {
        Require.nonNull(by, "by");
        requireOpen("activate");
        checkTime(at);
        if (status != AccountStatus.PROSPECT) {
            throw new InvalidStateException("key account " + id() + " is " + status + "; only a prospect can be activated");
        }
        if (accountManager == null) {
            throw new InvalidStateException("key account " + id() + " has no account manager; assign one before activating");
        }
        status = AccountStatus.ACTIVE;
        lastChangedAt = at;
        record(new AccountActivated(EventId.random(), at, id(), network, accountManager, by));
    }

    /**
     * Makes {@code manager} the account manager (客户经理). Raises {@link AccountManagerAssigned}.
     *
     * @param manager the new account manager
     * @param by who assigns
     * @param at when
     * @throws InvalidStateException when exited or {@code manager} already is the account manager
     */
    public void assignManager(UserId manager, UserId by, Instant at) {
        Require.nonNull(manager, "manager");
        Require.nonNull(by, "by");
        requireOpen("assign an account manager");
        checkTime(at);
        if (manager.equals(accountManager)) {
            throw new InvalidStateException(manager + " already is the account manager of key account " + id());
        }
        Optional<UserId> previous = Optional.ofNullable(accountManager);
        accountManager = manager;
        lastChangedAt = at;
        record(new AccountManagerAssigned(EventId.random(), at, id(), network, previous, manager, by));
    }

    /**
     * Gives the account a virtual team (虚拟团队), replacing any team it had. Raises
     * {@link AccountTeamAssigned}.
     *
     * @param newTeam the team
     * @param by who assigns it
     * @param at when
     * @throws InvalidStateException when exited or the account already has exactly this team
     */
    public void assignTeam(AccountTeam newTeam, UserId by, Instant at) {
        Require.nonNull(newTeam, "newTeam");
        Require.nonNull(by, "by");
        requireOpen("assign a team");
        checkTime(at);
        if (newTeam.equals(team)) {
            throw new InvalidStateException("key account " + id() + " already has this team");
        }
        team = newTeam;
        lastChangedAt = at;
        record(new AccountTeamAssigned(EventId.random(), at, id(), network, newTeam, by));
    }

    /**
     * Replaces the account's characteristics. Raises {@link AccountProfileUpdated}.
     *
     * @param newProfile the new profile
     * @param by who updates it
     * @param at when
     * @throws InvalidStateException when exited or the profile is unchanged
     */
    public void updateProfile(AccountProfile newProfile, UserId by, Instant at) {
        Require.nonNull(newProfile, "newProfile");
        Require.nonNull(by, "by");
        requireOpen("update the profile");
        checkTime(at);
        if (newProfile.equals(profile)) {
            throw new InvalidStateException("key account " + id() + " already has this profile");
        }
        profile = newProfile;
        lastChangedAt = at;
        record(new AccountProfileUpdated(EventId.random(), at, id(), network, newProfile, by));
    }

    /**
     * Replaces the potential key-account flags (Party/government/military, influencer, manual
     * designation). Raises {@link AccountPotentialFlagged}.
     *
     * @param flags the new flags
     * @param by who sets them
     * @param at when
     * @throws InvalidStateException when exited or the flags are unchanged
     */
    public void flagPotential(PotentialFlags flags, UserId by, Instant at) {
        Require.nonNull(flags, "flags");
        Require.nonNull(by, "by");
        requireOpen("flag potential");
        checkTime(at);
        if (flags.equals(potential)) {
            throw new InvalidStateException("key account " + id() + " already has these potential flags");
        }
        potential = flags;
        lastChangedAt = at;
        record(new AccountPotentialFlagged(EventId.random(), at, id(), network, flags, by));
    }

    /**
     * Sets the tier a classification run gave the account. When the tier is unchanged nothing
     * happens, so a run may be applied again safely; otherwise the change is recorded in the
     * history with the rule name and run date, and {@link AccountTierChanged} is raised.
     *
     * @param newTier the tier from the run
     * @param ruleName the classification rule's name, not blank
     * @param runDate the run date
     * @param by who applies the run
     * @param at when
     * @return true when the tier changed
     * @throws InvalidStateException when exited
     */
    public boolean classify(Tier newTier, String ruleName, LocalDate runDate, UserId by, Instant at) {
        Require.nonNull(newTier, "newTier");
        Require.text(ruleName, "ruleName", Limits.RULE_NAME_LENGTH);
        Require.nonNull(runDate, "runDate");
        Require.nonNull(by, "by");
        requireOpen("classify");
        checkTime(at);
        if (newTier == tier) {
            return false;
        }
        changeTier(new TierChange(tier, newTier, at, by, new TierChangeCause.ClassificationRun(ruleName.strip(), runDate)));
        return true;
    }

    /**
     * Sets the tier by hand, with a reason and an approver who is not the requester. Whether the
     * requester and approver hold the authority to do so is checked by the caller. Raises
     * {@link AccountTierChanged}.
     *
     * @param newTier the new tier; differs from the current tier
     * @param reason why, not blank
     * @param requestedBy who asks for it
     * @param approvedBy who approves it; differs from {@code requestedBy}
     * @param at when
     * @throws InvalidArgumentException when the reason is blank or the approver is the requester
     * @throws InvalidStateException when exited or the tier is already {@code newTier}
     */
    public void overrideTier(Tier newTier, String reason, UserId requestedBy, UserId approvedBy, Instant at) {
        Require.nonNull(newTier, "newTier");
        Require.text(reason, "reason");
        Require.nonNull(requestedBy, "requestedBy");
        Require.nonNull(approvedBy, "approvedBy");
        if (requestedBy.equals(approvedBy)) {
            throw new InvalidArgumentException("approvedBy", "must differ from the requester " + requestedBy);
        }
        requireOpen("override the tier");
        checkTime(at);
        if (newTier == tier) {
            throw new InvalidStateException("key account " + id() + " already has tier " + tier);
        }
        changeTier(new TierChange(tier, newTier, at, requestedBy, new TierChangeCause.ManualOverride(reason, approvedBy)));
    }

    /**
     * Raises a churn warning (客户预警) for the account manager: {@code ACTIVE → CHURN_WARNING}.
     * While a warning is open, a further call adds the signals not yet on it and notifies again.
     * Raises {@link ChurnWarningRaised} with the new signals.
     *
     * @param signals the signals, not empty (duplicates are dropped)
     * @param at when
     * @throws InvalidStateException when the account is not served (a prospect or exited), or every
     *     signal is already on the open warning
     */
    public void raiseChurnWarning(List<ChurnSignal> signals, Instant at) {
        List<ChurnSignal> given = Require.nonNullElements(signals, "signals");
        Require.that(!given.isEmpty(), "signals", "must not be empty");
        requireOpen("raise a churn warning");
        checkTime(at);
        if (!status.isServed()) {
            throw new InvalidStateException("key account " + id() + " is " + status + "; only a served account gets churn warnings");
        }
        Set<ChurnSignal> fresh = new LinkedHashSet<>(given);
        fresh.removeAll(new HashSet<>(churnSignals));
        if (fresh.isEmpty()) {
            throw new InvalidStateException("the churn warning of key account " + id() + " already holds these signals");
        }
        List<ChurnSignal> all = new ArrayList<>(churnSignals);
        all.addAll(fresh);
        if (status == AccountStatus.ACTIVE) {
            status = AccountStatus.CHURN_WARNING;
            churnWarningSince = at;
        }
        churnSignals = List.copyOf(all);
        lastChangedAt = at;
        record(new ChurnWarningRaised(EventId.random(), at, id(), network, accountManager, List.copyOf(fresh)));
    }

    /**
     * Clears the open churn warning: {@code CHURN_WARNING → ACTIVE}. Raises
     * {@link ChurnWarningCleared}.
     *
     * @param by who clears it
     * @param at when
     * @throws InvalidStateException when no warning is open
     */
    public void clearChurnWarning(UserId by, Instant at) {
        Require.nonNull(by, "by");
        requireOpen("clear a churn warning");
        checkTime(at);
        if (status != AccountStatus.CHURN_WARNING) {
            throw new InvalidStateException("key account " + id() + " has no open churn warning");
        }
        status = AccountStatus.ACTIVE;
        churnSignals = List.of();
        churnWarningSince = null;
        lastChangedAt = at;
        record(new ChurnWarningCleared(EventId.random(), at, id(), network, by));
    }

    /**
     * Records that the customer left the network (离网): any status but {@code EXITED} →
     * {@code EXITED}, final. An open churn warning is closed with it. Raises {@link AccountExited},
     * which tells the resources area to release every resource the account holds.
     *
     * @param reason why it left, not blank (trimmed)
     * @param by who records the exit
     * @param at when
     * @throws InvalidStateException when already exited
     */
    public void exit(String reason, UserId by, Instant at) {
        Require.text(reason, "reason");
        Require.nonNull(by, "by");
        requireOpen("exit");
        checkTime(at);
        requireTransition(AccountStatus.EXITED);
        status = AccountStatus.EXITED;
        exitReason = reason.strip();
        exitedAt = at;
        churnSignals = List.of();
        churnWarningSince = null;
        lastChangedAt = at;
        record(new AccountExited(EventId.random(), at, id(), network, exitReason, by, tier));
    }

    /** {@return the whole state as an immutable value} */
    public KeyAccountSnapshot snapshot() {
        return new KeyAccountSnapshot(id(), version(), name, network, industry, profile, potential, status, tier,
                Optional.ofNullable(accountManager), Optional.ofNullable(team), churnSignals,
                Optional.ofNullable(churnWarningSince), Optional.ofNullable(exitReason), Optional.ofNullable(exitedAt),
                registeredBy, registeredAt, lastChangedAt, tierHistory);
    }

    /** {@return the customer name} */
    public String name() {
        return name;
    }

    /** {@return the local network (本地网) the account belongs to} */
    public LocalNetworkId network() {
        return network;
    }

    /** {@return the industry} */
    public Industry industry() {
        return industry;
    }

    /** {@return the characteristics} */
    public AccountProfile profile() {
        return profile;
    }

    /** {@return the potential key-account flags} */
    public PotentialFlags potential() {
        return potential;
    }

    /** {@return the lifecycle status} */
    public AccountStatus status() {
        return status;
    }

    /** {@return the current tier} */
    public Tier tier() {
        return tier;
    }

    /** {@return the account manager (客户经理), if one is assigned} */
    public Optional<UserId> accountManager() {
        return Optional.ofNullable(accountManager);
    }

    /**
     * The access scope of this account as stored, so the account manager the access rules see is
     * always the one the account records.
     *
     * @return its id, network, industry and account manager
     */
    public AccessScope accessScope() {
        return id().accessScope(network(), industry(), accountManager());
    }

    /** {@return the virtual team, if one is assigned} */
    public Optional<AccountTeam> team() {
        return Optional.ofNullable(team);
    }

    /** {@return the signals of the open churn warning; empty when none is open} */
    public List<ChurnSignal> churnSignals() {
        return churnSignals;
    }

    /** {@return when the open churn warning was raised, if one is open} */
    public Optional<Instant> churnWarningSince() {
        return Optional.ofNullable(churnWarningSince);
    }

    /** {@return why the account left, once exited} */
    public Optional<String> exitReason() {
        return Optional.ofNullable(exitReason);
    }

    /** {@return when the account left, once exited} */
    public Optional<Instant> exitedAt() {
        return Optional.ofNullable(exitedAt);
    }

    /** {@return who registered the account} */
    public UserId registeredBy() {
        return registeredBy;
    }

    /** {@return when the account was registered} */
    public Instant registeredAt() {
        return registeredAt;
    }

    /** {@return when the last accepted command happened; later commands must not be earlier} */
    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    /** {@return every tier change, oldest first} */
    public List<TierChange> tierHistory() {
        return List.copyOf(tierHistory);
    }

    private void changeTier(TierChange change) {
        tierHistory.add(change);
        tier = change.to();
        lastChangedAt = change.at();
        record(new AccountTierChanged(EventId.random(), change.at(), id(), network, change));
    }

    private void requireOpen(String action) {
        if (status == AccountStatus.EXITED) {
            throw new InvalidStateException("key account " + id() + " has exited; cannot " + action);
        }
    }

    private void requireTransition(AccountStatus target) {
        if (!status.canMoveTo(target)) {
            throw new InvalidStateException("key account " + id() + " cannot move from " + status + " to " + target);
        }
    }

    private void checkTime(Instant at) {
        Require.nonNull(at, "at");
        if (at.isBefore(lastChangedAt)) {
            throw new InvalidArgumentException("at", "must not be before the account's last change at "
                    + lastChangedAt + ", was " + at);
        }
    }

    private static void verify(KeyAccountSnapshot s) {
        // the messages are built only when a check fails: a kept state is verified at every command
        Supplier<String> who = () -> "key account " + s.id();
        corruptUnless(s.id() != null, "key account: id is missing");
        corruptUnless(s.version() >= 0, () -> who.get() + ": version is negative");
        corruptUnless(s.name() != null && !s.name().isBlank(), () -> who.get() + ": name is blank");
        corruptUnless(s.network() != null, () -> who.get() + ": network is missing");
        corruptUnless(s.industry() != null, () -> who.get() + ": industry is missing");
        corruptUnless(s.profile() != null, () -> who.get() + ": profile is missing");
        corruptUnless(s.potential() != null, () -> who.get() + ": potential flags are missing");
        corruptUnless(s.status() != null, () -> who.get() + ": status is missing");
        corruptUnless(s.tier() != null, () -> who.get() + ": tier is missing");
        corruptUnless(s.accountManager() != null && s.team() != null && s.churnWarningSince() != null
                && s.exitReason() != null && s.exitedAt() != null, () -> who.get() + ": an optional field is null");
        corruptUnless(s.churnSignals() != null && !s.churnSignals().contains(null), () -> who.get() + ": churn signals are null");
        corruptUnless(s.tierHistory() != null && !s.tierHistory().contains(null), () -> who.get() + ": tier history is null");
        corruptUnless(s.registeredBy() != null, () -> who.get() + ": registeredBy is missing");
        corruptUnless(s.registeredAt() != null && s.lastChangedAt() != null, () -> who.get() + ": a timestamp is missing");
        corruptUnless(!s.lastChangedAt().isBefore(s.registeredAt()), () -> who.get() + ": last change before registration");

        AccountStatus status = s.status();
        corruptUnless(!status.isServed() || s.accountManager().isPresent(),
                () -> who.get() + ": " + status + " without an account manager");
        boolean warning = status == AccountStatus.CHURN_WARNING;
        corruptUnless(warning == !s.churnSignals().isEmpty(), () -> who.get() + ": churn signals present exactly when " + AccountStatus.CHURN_WARNING);
        corruptUnless(warning == s.churnWarningSince().isPresent(), () -> who.get() + ": churn warning time present exactly when " + AccountStatus.CHURN_WARNING);
        corruptUnless(new HashSet<>(s.churnSignals()).size() == s.churnSignals().size(), () -> who.get() + ": duplicate churn signals");
        s.churnWarningSince().ifPresent(since -> corruptUnless(!since.isBefore(s.registeredAt()) && !since.isAfter(s.lastChangedAt()),
                () -> who.get() + ": churn warning time outside the account's life"));
        boolean exited = status == AccountStatus.EXITED;
        corruptUnless(exited == s.exitReason().isPresent() && exited == s.exitedAt().isPresent(),
                () -> who.get() + ": exit reason and time present exactly when " + AccountStatus.EXITED);
        s.exitReason().ifPresent(r -> corruptUnless(!r.isBlank(), () -> who.get() + ": exit reason is blank"));
        s.exitedAt().ifPresent(t -> corruptUnless(t.equals(s.lastChangedAt()), () -> who.get() + ": exit is not the last change"));

        Tier expected = Tier.NONE;
        Instant previous = s.registeredAt();
        for (int i = 0; i < s.tierHistory().size(); i++) {
            TierChange change = s.tierHistory().get(i);
            int entry = i;
            Tier was = expected;
            corruptUnless(change.from() == expected, () -> who.get() + ": tier history entry " + entry + " starts at "
                    + change.from() + " but the tier was " + was);
            corruptUnless(!change.at().isBefore(previous), () -> who.get() + ": tier history entry " + entry + " goes back in time");
            corruptUnless(!change.at().isAfter(s.lastChangedAt()), () -> who.get() + ": tier history entry " + entry
                    + " after the last change");
            expected = change.to();
            previous = change.at();
        }
        Tier last = expected;
        corruptUnless(s.tier() == last, () -> who.get() + ": tier " + s.tier() + " does not match the history's last tier " + last);
    }

    private static void corruptUnless(boolean condition, String message) {
        if (!condition) {
            throw new CorruptStateException(message);
        }
    }

    /** {@link #corruptUnless(boolean, String)} with the message built only when the check fails. */
    private static void corruptUnless(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new CorruptStateException(message.get());
        }
    }
}
