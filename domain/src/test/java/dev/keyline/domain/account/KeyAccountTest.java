package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

class KeyAccountTest {

    private static final AccountId ID = new AccountId("ACME");
    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final UserId CLERK = new UserId("clerk");
    private static final UserId MANAGER = new UserId("li.na");
    private static final UserId DIRECTOR = new UserId("zhang.wei");
    private static final Instant T0 = Instant.parse("2024-01-02T09:00:00Z");
    private static final LocalDate RUN = LocalDate.of(2024, 7, 1);
    private static final ChurnSignal FALLING = new ChurnSignal("falling-spend", ChurnSignalKind.FALLING_SPEND, RUN, "spend fell 3 months");
    private static final ChurnSignal COMPLAINTS = new ChurnSignal("complaints", ChurnSignalKind.COMPLAINTS, RUN, "4 complaints");

    private static KeyAccount registered() {
        return KeyAccount.register(ID, "  ACME Bank Suzhou ", SZ, Industry.FINANCE, CLERK, T0);
    }

    private static KeyAccount active() {
        KeyAccount account = registered();
        account.assignManager(MANAGER, CLERK, T0.plusSeconds(1));
        account.activate(CLERK, T0.plusSeconds(2));
        account.drainEvents();
        return account;
    }

    private static Instant t(long seconds) {
        return T0.plusSeconds(100 + seconds);
    }

    @Test
    void registeringMakesAProspectWithoutTierOrManager() {
        KeyAccount account = registered();
        assertThat(account.name()).isEqualTo("ACME Bank Suzhou");
        assertThat(account.status()).isEqualTo(AccountStatus.PROSPECT);
        assertThat(account.tier()).isEqualTo(Tier.NONE);
        assertThat(account.accountManager()).isEmpty();
        assertThat(account.tierHistory()).isEmpty();
        assertThat(account.version()).isZero();
        assertThat(account.profile()).isEqualTo(AccountProfile.blank());
        assertThat(account.potential()).isEqualTo(PotentialFlags.none());
        List<DomainEvent> events = account.pendingEvents();
        assertThat(events).singleElement().isInstanceOf(AccountRegistered.class);
        assertThat(events.get(0).type()).isEqualTo("account.registered");
        assertThat(events.get(0).aggregateId()).isEqualTo("ACME");
    }

    static Stream<Arguments> invalidRegistrations() {
        AccountProfile p = AccountProfile.blank();
        PotentialFlags f = PotentialFlags.none();
        return Stream.of(
                Arguments.of("id", (Runnable) () -> KeyAccount.register(null, "n", SZ, Industry.FINANCE, p, f, CLERK, T0)),
                Arguments.of("name", (Runnable) () -> KeyAccount.register(ID, " ", SZ, Industry.FINANCE, p, f, CLERK, T0)),
                Arguments.of("network", (Runnable) () -> KeyAccount.register(ID, "n", null, Industry.FINANCE, p, f, CLERK, T0)),
                Arguments.of("industry", (Runnable) () -> KeyAccount.register(ID, "n", SZ, null, p, f, CLERK, T0)),
                Arguments.of("profile", (Runnable) () -> KeyAccount.register(ID, "n", SZ, Industry.FINANCE, null, f, CLERK, T0)),
                Arguments.of("potential", (Runnable) () -> KeyAccount.register(ID, "n", SZ, Industry.FINANCE, p, null, CLERK, T0)),
                Arguments.of("by", (Runnable) () -> KeyAccount.register(ID, "n", SZ, Industry.FINANCE, p, f, null, T0)),
                Arguments.of("at", (Runnable) () -> KeyAccount.register(ID, "n", SZ, Industry.FINANCE, p, f, CLERK, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void registrationRejectsMissingArguments(String argument, Runnable registration) {
        assertThatThrownBy(registration::run).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).argument()).isEqualTo(argument));
    }

    @Test
    void activationNeedsAnAccountManager() {
        KeyAccount account = registered();
        assertThatThrownBy(() -> account.activate(CLERK, t(1))).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("no account manager");
        account.assignManager(MANAGER, CLERK, t(2));
        account.activate(CLERK, t(3));
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.pendingEvents()).extracting(DomainEvent::type)
                .containsExactly("account.registered", "account.manager-assigned", "account.activated");
        assertThat(((AccountActivated) account.pendingEvents().get(2)).accountManager()).isEqualTo(MANAGER);
    }

    @Test
    void onlyAProspectCanBeActivated() {
        KeyAccount account = active();
        assertThatThrownBy(() -> account.activate(CLERK, t(1))).isInstanceOf(InvalidStateException.class);
        account.raiseChurnWarning(List.of(FALLING), t(2));
        assertThatThrownBy(() -> account.activate(CLERK, t(3))).isInstanceOf(InvalidStateException.class);
        assertThat(account.status()).isEqualTo(AccountStatus.CHURN_WARNING);
    }

    @Test
    void reassigningTheSameManagerIsRejectedAndAnotherIsRecorded() {
        KeyAccount account = active();
        assertThatThrownBy(() -> account.assignManager(MANAGER, CLERK, t(1))).isInstanceOf(InvalidStateException.class);
        account.assignManager(DIRECTOR, CLERK, t(2));
        AccountManagerAssigned event = (AccountManagerAssigned) account.drainEvents().get(0);
        assertThat(event.previousManager()).contains(MANAGER);
        assertThat(event.accountManager()).isEqualTo(DIRECTOR);
        assertThat(account.accountManager()).contains(DIRECTOR);
    }

    @Test
    void teamProfileAndFlagsAreReplacedButNotRepeated() {
        KeyAccount account = active();
        AccountTeam team = new AccountTeam(new UserId("ind"), new UserId("tech"), new UserId("biz"));
        account.assignTeam(team, CLERK, t(1));
        assertThatThrownBy(() -> account.assignTeam(team, CLERK, t(2))).isInstanceOf(InvalidStateException.class);
        AccountProfile profile = new AccountProfile(3, dev.keyline.domain.common.Money.cny("5000000.00"),
                new java.math.BigDecimal("0.12"), dev.keyline.domain.common.Money.cny("800000.00"),
                new java.math.BigDecimal("0.6"), true, false, 5, 1200);
        account.updateProfile(profile, CLERK, t(3));
        assertThatThrownBy(() -> account.updateProfile(profile, CLERK, t(4))).isInstanceOf(InvalidStateException.class);
        PotentialFlags flags = new PotentialFlags(true, Optional.empty(), Optional.empty());
        account.flagPotential(flags, CLERK, t(5));
        assertThatThrownBy(() -> account.flagPotential(flags, CLERK, t(6))).isInstanceOf(InvalidStateException.class);
        assertThat(account.team()).contains(team);
        assertThat(account.profile()).isEqualTo(profile);
        assertThat(account.potential()).isEqualTo(flags);
        assertThat(account.drainEvents()).extracting(DomainEvent::type)
                .containsExactly("account.team-assigned", "account.profile-updated", "account.potential-flagged");
    }

    @Test
    void classificationRecordsTheRuleAndRunDateAndIgnoresAnUnchangedTier() {
        KeyAccount account = active();
        assertThat(account.classify(Tier.LOCAL, "share", RUN, CLERK, t(1))).isTrue();
        assertThat(account.classify(Tier.LOCAL, "share", RUN, CLERK, t(2))).isFalse();
        assertThat(account.classify(Tier.NATIONAL, "share", RUN.plusMonths(6), CLERK, t(3))).isTrue();
        assertThat(account.tier()).isEqualTo(Tier.NATIONAL);
        assertThat(account.tierHistory()).containsExactly(
                new TierChange(Tier.NONE, Tier.LOCAL, t(1), CLERK, new TierChangeCause.ClassificationRun("share", RUN)),
                new TierChange(Tier.LOCAL, Tier.NATIONAL, t(3), CLERK, new TierChangeCause.ClassificationRun("share", RUN.plusMonths(6))));
        List<DomainEvent> events = account.drainEvents();
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.type()).isEqualTo("account.tier-changed"));
        assertThat(((AccountTierChanged) events.get(1)).change().to()).isEqualTo(Tier.NATIONAL);
    }

    @Test
    void manualOverrideNeedsAReasonAndAnotherApprover() {
        KeyAccount account = active();
        assertThatThrownBy(() -> account.overrideTier(Tier.POTENTIAL, " ", MANAGER, DIRECTOR, t(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> account.overrideTier(Tier.POTENTIAL, "new port", MANAGER, MANAGER, t(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("approvedBy");
        assertThatThrownBy(() -> account.overrideTier(Tier.NONE, "no change", MANAGER, DIRECTOR, t(1)))
                .isInstanceOf(InvalidStateException.class);
        account.overrideTier(Tier.POTENTIAL, " new port ", MANAGER, DIRECTOR, t(2));
        TierChange change = account.tierHistory().get(0);
        assertThat(change.by()).isEqualTo(MANAGER);
        assertThat(change.cause()).isEqualTo(new TierChangeCause.ManualOverride("new port", DIRECTOR));
    }

    @Test
    void churnWarningGoesToTheAccountManagerAndCollectsNewSignals() {
        KeyAccount account = active();
        account.raiseChurnWarning(List.of(FALLING, FALLING), t(1));
        assertThat(account.status()).isEqualTo(AccountStatus.CHURN_WARNING);
        assertThat(account.churnSignals()).containsExactly(FALLING);
        assertThat(account.churnWarningSince()).contains(t(1));
        ChurnWarningRaised raised = (ChurnWarningRaised) account.drainEvents().get(0);
        assertThat(raised.type()).isEqualTo("account.churn-warning-raised");
        assertThat(raised.accountManager()).isEqualTo(MANAGER);
        assertThat(raised.audience().role()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(raised.audience().organisationUnit()).isEqualTo("SZ");
        assertThat(raised.audience().accountId()).isEqualTo("ACME");
        assertThat(raised.audience().subject()).contains("li.na").contains("spend fell 3 months");

        assertThatThrownBy(() -> account.raiseChurnWarning(List.of(FALLING), t(2))).isInstanceOf(InvalidStateException.class);
        account.raiseChurnWarning(List.of(FALLING, COMPLAINTS), t(3));
        assertThat(account.churnSignals()).containsExactly(FALLING, COMPLAINTS);
        assertThat(account.churnWarningSince()).contains(t(1));
        assertThat(((ChurnWarningRaised) account.drainEvents().get(0)).signals()).containsExactly(COMPLAINTS);

        account.clearChurnWarning(MANAGER, t(4));
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.churnSignals()).isEmpty();
        assertThat(account.churnWarningSince()).isEmpty();
        assertThat(account.drainEvents()).extracting(DomainEvent::type).containsExactly("account.churn-warning-cleared");
    }

    @Test
    void onlyServedAccountsGetWarningsAndOnlyOpenWarningsAreCleared() {
        KeyAccount prospect = registered();
        assertThatThrownBy(() -> prospect.raiseChurnWarning(List.of(FALLING), t(1))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> active().clearChurnWarning(MANAGER, t(1))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> active().raiseChurnWarning(List.of(), t(1))).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void exitIsFinalAndTellsTheResourcesAreaToRelease() {
        KeyAccount account = active();
        account.classify(Tier.LOCAL, "minimum", RUN, CLERK, t(1));
        account.raiseChurnWarning(List.of(FALLING), t(2));
        account.drainEvents();
        account.exit(" moved to a competitor ", MANAGER, t(3));
        assertThat(account.status()).isEqualTo(AccountStatus.EXITED);
        assertThat(account.exitReason()).contains("moved to a competitor");
        assertThat(account.exitedAt()).contains(t(3));
        assertThat(account.churnSignals()).isEmpty();
        assertThat(account.tier()).isEqualTo(Tier.LOCAL);
        AccountExited exited = (AccountExited) account.drainEvents().get(0);
        assertThat(exited.type()).isEqualTo("account.exited");
        assertThat(exited.lastTier()).isEqualTo(Tier.LOCAL);
        assertThat(exited.audience().subject()).contains("release every resource");

        KeyAccountSnapshot before = account.snapshot();
        assertThatThrownBy(() -> account.exit("again", MANAGER, t(4))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> account.classify(Tier.NONE, "share", RUN, CLERK, t(4))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> account.assignManager(DIRECTOR, CLERK, t(4))).isInstanceOf(InvalidStateException.class);
        assertThat(account.snapshot()).isEqualTo(before);
        assertThat(account.pendingEvents()).isEmpty();
    }

    @Test
    void aProspectMayExit() {
        KeyAccount account = registered();
        account.exit("never signed", CLERK, t(1));
        assertThat(account.status()).isEqualTo(AccountStatus.EXITED);
    }

    @Test
    void timeNeverGoesBack() {
        KeyAccount account = active();
        account.classify(Tier.LOCAL, "share", RUN, CLERK, t(10));
        KeyAccountSnapshot before = account.snapshot();
        assertThatThrownBy(() -> account.assignManager(DIRECTOR, CLERK, t(9))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at");
        assertThat(account.snapshot()).isEqualTo(before);
        account.assignManager(DIRECTOR, CLERK, t(10));
    }

    @Test
    void restoreRebuildsTheSameAccountWithoutEvents() {
        KeyAccount account = active();
        account.classify(Tier.NATIONAL, "share", RUN, CLERK, t(1));
        account.markSaved(1);
        KeyAccount restored = KeyAccount.restore(account.snapshot());
        assertThat(restored.snapshot()).isEqualTo(account.snapshot());
        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.pendingEvents()).isEmpty();
    }

    @Test
    void restoreRejectsAServedAccountWithoutManager() {
        KeyAccountSnapshot s = active().snapshot();
        KeyAccountSnapshot corrupt = new KeyAccountSnapshot(s.id(), s.version(), s.name(), s.network(), s.industry(),
                s.profile(), s.potential(), s.status(), s.tier(), Optional.empty(), s.team(), s.churnSignals(),
                s.churnWarningSince(), s.exitReason(), s.exitedAt(), s.registeredBy(), s.registeredAt(), s.lastChangedAt(),
                s.tierHistory());
        assertThatThrownBy(() -> KeyAccount.restore(corrupt)).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("ACME").hasMessageContaining("account manager");
    }

    @Test
    void restoreRejectsNull() {
        assertThatThrownBy(() -> KeyAccount.restore(null)).isInstanceOf(InvalidArgumentException.class);
    }
}
