package dev.keyline.tck.account;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.CHEN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.DDN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.GAO;
import static dev.keyline.tck.account.KeyAccountServiceFixture.HOTEL;
import static dev.keyline.tck.account.KeyAccountServiceFixture.KUNMING;
import static dev.keyline.tck.account.KeyAccountServiceFixture.LI;
import static dev.keyline.tck.account.KeyAccountServiceFixture.MA;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SHOP;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SOFTWARE;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU_FLOORS;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNIVERSITY;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNREGISTERED;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.AccountTierChanged;
import dev.keyline.domain.account.ArrearsAgeRule;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.account.ComplaintsRule;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.PlanProgress;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierChange;
import dev.keyline.domain.account.TierChangeCause;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ConcurrencyConflictException;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.json.KeylineJson;
import dev.keyline.notification.RoutingRule;
import dev.keyline.notification.RoutingSink;
import dev.keyline.runtime.account.ChurnEvaluation;
import dev.keyline.runtime.account.ChurnObservations;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.account.ChurnWarnings;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.account.ReclassificationNotDueException;
import dev.keyline.spi.Notification;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.RecordingSink;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Industry;

/**
 * The key-account services end to end on a storage provider: the stories of the key-account
 * department run through {@code KeyAccounts}, {@code AccountPlans} and {@code PriceAuthorisations}
 * on the runtime, with the relay delivering what committed. A provider that stores the key-account
 * area proves the services work on it by extending this class in a few lines:
 *
 * <pre>{@code
 * class MyProviderKeyAccountServicesTest extends KeyAccountServicesContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh storage from {@link #newStorage()} (wrapped in a
 * {@link KeyAccountServiceFixture}) and hands it to {@link #discard(StorageProvider)} afterwards.
 */
public abstract class KeyAccountServicesContract {

    private static final long WAIT_SECONDS = 30;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    /** The world of the current test. */
    protected KeyAccountServiceFixture world;

    private StorageProvider storage;

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    @BeforeEach
    void createWorld() {
        storage = newStorage();
        world = new KeyAccountServiceFixture(storage);
    }

    @AfterEach
    void discardStorage() {
        discard(storage);
    }

    // ------------------------------------------------------------ reclassification

    @Test
    void aReclassificationRunStoresTheResultAndGivesEveryAccountItsTierWithHistoryAndEvents() {
        world.serveSuzhou();
        int before = world.state().outboxEntries().size();

        ReclassificationPlan plan = world.reclassifications.reclassify(ZHOU, SUZHOU, TODAY);

        ClassificationResult result = plan.result();
        assertThat(result.network()).isEqualTo(SUZHOU);
        assertThat(result.runDate()).isEqualTo(TODAY);
        assertThat(result.window()).isEqualTo(new AssessmentWindow(YearMonth.of(2025, 3), YearMonth.of(2026, 2)));
        assertThat(result.rule()).isEqualTo(MonthlyMinimumRule.NAME);
        assertThat(result.threshold()).contains(Money.cny("5000.00"));
        assertThat(result.keyAccounts()).containsExactly(
                new ClassifiedAccount(BANK, Money.cny("50000.00"), Tier.NATIONAL),
                new ClassifiedAccount(UNREGISTERED, Money.cny("30000.00"), Tier.LOCAL),
                new ClassifiedAccount(HOTEL, Money.cny("20000.00"), Tier.LOCAL),
                new ClassifiedAccount(UNIVERSITY, Money.cny("8000.00"), Tier.LOCAL));
        assertThat(plan.updates()).containsExactly(new TierUpdate(BANK, Tier.NONE, Tier.NATIONAL),
                new TierUpdate(HOTEL, Tier.NONE, Tier.LOCAL), new TierUpdate(UNIVERSITY, Tier.NONE, Tier.LOCAL));
        assertThat(plan.unregistered()).containsExactly(UNREGISTERED);

        assertThat(world.reclassifications.latestClassification(SUZHOU)).contains(result);
        assertThat(world.reclassifications.classificationHistory(SUZHOU)).containsExactly(result);
        assertThat(world.reclassifications.latestClassification(KUNMING)).isEmpty();
        KeyAccountSnapshot bank = world.accounts.get(BANK);
        assertThat(bank.tier()).isEqualTo(Tier.NATIONAL);
        assertThat(bank.tierHistory()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(Tier.NONE);
            assertThat(change.to()).isEqualTo(Tier.NATIONAL);
            assertThat(change.by()).isEqualTo(ZHOU.user());
            assertThat(change.at()).isEqualTo(world.clock.instant());
            assertThat(change.cause()).isEqualTo(new TierChangeCause.ClassificationRun(MonthlyMinimumRule.NAME, TODAY));
        });
        assertThat(world.accounts.get(UNIVERSITY).tier()).isEqualTo(Tier.LOCAL);
        assertThat(world.accounts.get(SHOP).tier()).isEqualTo(Tier.NONE);
        assertThat(world.accounts.get(SHOP).tierHistory()).isEmpty();
        assertThat(world.accounts.get(SOFTWARE).tier()).as("another network is left alone").isEqualTo(Tier.NONE);

        List<OutboxEntry> written = world.state().outboxEntries();
        assertThat(written.subList(before, written.size())).extracting(e -> e.message().type())
                .containsExactly(AccountTierChanged.TYPE, AccountTierChanged.TYPE, AccountTierChanged.TYPE);

        world.keyline.relay().pumpUntilIdle(20);
        List<Notification> delivered = world.recorder.accepted().stream()
                .filter(n -> n.type().equals(AccountTierChanged.TYPE)).toList();
        assertThat(delivered).extracting(Notification::aggregateId).containsExactlyInAnyOrder("A01", "A02", "A03");
        Notification toBank = delivered.stream().filter(n -> n.aggregateId().equals("A01")).findFirst().orElseThrow();
        AccountTierChanged first = (AccountTierChanged) KeylineJson.create().readEvent(toBank.type(), toBank.payload());
        assertThat(first.change()).isEqualTo(bank.tierHistory().get(0));
        assertThat(toBank.audience().role()).isEqualTo(Role.ACCOUNT_MANAGER.name());
        assertThat(toBank.audience().accountId()).isEqualTo(BANK.value());
    }

    @Test
    void aRunBeforeItIsDueIsRefusedWithNothingChangedAndAForcedRunRedrawsTheList() {
        world.serveSuzhou();
        world.reclassifications.reclassify(ZHOU, SUZHOU, TODAY);
        for (YearMonth m = YearMonth.of(2025, 3); !m.isAfter(YearMonth.of(2026, 2)); m = m.plusMonths(1)) {
            world.accounts.correctSpend(WANG, KeyAccountServiceFixture.factId(UNIVERSITY, m),
                    new dev.keyline.domain.account.SpendFactId("C-A03-" + m), Money.cny("2000.00"));
        }
        world.clock.advance(Duration.ofDays(30));
        LocalDate later = TODAY.plusDays(30);
        AreaState before = world.state();

        assertThatThrownBy(() -> world.reclassifications.reclassify(ZHOU, SUZHOU, later))
                .isInstanceOfSatisfying(ReclassificationNotDueException.class, e -> {
                    assertThat(e.lastRun()).isEqualTo(TODAY);
                    assertThat(e.nextDue()).isEqualTo(TODAY.plusYears(1));
                    assertThat(e.network()).isEqualTo(SUZHOU);
                })
                .hasMessageContaining("not due").hasMessageContaining(TODAY.plusYears(1).toString());
        assertThat(world.state()).isEqualTo(before);
        assertThat(world.reclassifications.nextReclassificationDue(SUZHOU)).contains(TODAY.plusYears(1));

        ReclassificationPlan forced = world.reclassifications.reclassifyForced(ZHOU, SUZHOU, later);

        assertThat(forced.updates()).containsExactly(new TierUpdate(UNIVERSITY, Tier.LOCAL, Tier.NONE));
        assertThat(world.reclassifications.classificationHistory(SUZHOU)).extracting(ClassificationResult::runDate)
                .containsExactly(TODAY, later);
        assertThat(world.accounts.get(UNIVERSITY).tierHistory()).extracting(TierChange::to)
                .containsExactly(Tier.LOCAL, Tier.NONE);
        AreaState afterForced = world.state();
        ReclassificationPlan again = world.reclassifications.reclassifyForced(ZHOU, SUZHOU, later);
        assertThat(again.result()).as("one run per network and date: a rerun resumes it").isEqualTo(forced.result());
        assertThat(again.updates()).as("a finished run has nothing left to apply").isEmpty();
        assertThat(world.state()).isEqualTo(afterForced);
        assertThatThrownBy(() -> world.reclassifications.reclassifyForced(ZHOU, SUZHOU, TODAY))
                .as("not before the last run").isInstanceOf(KeylineException.class).hasMessageContaining("runDate");
    }

    @Test
    void aCorrectionMustCorrectTheLatestFactOfItsChain() {
        world.serveSuzhou();
        YearMonth month = YearMonth.of(2026, 1);
        SpendFact correction = world.accounts.correctSpend(WANG, KeyAccountServiceFixture.factId(BANK, month),
                new dev.keyline.domain.account.SpendFactId("C1"), Money.cny("45000.00"));
        assertThat(correction.corrects()).contains(KeyAccountServiceFixture.factId(BANK, month));
        assertThat(correction.recordedAt()).isEqualTo(world.clock.instant());
        assertThat(world.accounts.spendOf(BANK)).contains(correction);
        AreaState before = world.state();

        assertRefused(() -> world.accounts.correctSpend(WANG, KeyAccountServiceFixture.factId(BANK, month),
                new dev.keyline.domain.account.SpendFactId("C2"), Money.cny("1.00")), InvalidStateException.class, before);
        assertRefused(() -> world.accounts.correctSpend(LI, correction.id(),
                new dev.keyline.domain.account.SpendFactId("C2"), Money.cny("1.00")), NotAuthorisedException.class, before);
    }

    // ------------------------------------------------------------ churn and exit

    @Test
    void aChurnWarningReachesTheAccountManagersAudienceOnceAndIsClearedByThem() {
        RecordingSink managers = new RecordingSink("account-managers");
        RecordingSink others = new RecordingSink("others");
        world = new KeyAccountServiceFixture(storage, List.of(RoutingSink.builder()
                .rule(RoutingRule.forRoleAndEventType(Role.ACCOUNT_MANAGER.name(), ChurnWarningRaised.TYPE, managers))
                .defaultSinks(others).build()));
        world.serveSuzhou();
        ChurnObservations overdue = new ChurnObservations(Money.cny("12000.00"), Optional.of(LocalDate.of(2025, 11, 1)),
                List.of());

        ChurnEvaluation first = world.churn.evaluateChurn(WANG, BANK, overdue);

        assertThat(first.raised()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(ArrearsAgeRule.NAME);
            assertThat(s.kind()).isEqualTo(ChurnSignalKind.ARREARS_AGE);
            assertThat(s.observedOn()).isEqualTo(TODAY);
        });
        assertThat(first.status()).isEqualTo(AccountStatus.CHURN_WARNING);
        assertThat(world.accounts.get(BANK).churnSignals()).isEqualTo(first.raised());

        AreaState warned = world.state();
        ChurnEvaluation again = world.churn.evaluateChurn(WANG, BANK, overdue);
        assertThat(again.signals()).hasSize(1);
        assertThat(again.raised()).as("the same rule does not warn twice").isEmpty();
        assertThat(world.state()).isEqualTo(warned);

        List<LocalDate> complaints = List.of(TODAY.minusDays(40), TODAY.minusDays(20), TODAY.minusDays(5));
        ChurnEvaluation more = world.churn.evaluateChurn(WANG, BANK,
                new ChurnObservations(Money.cny("12000.00"), Optional.of(LocalDate.of(2025, 11, 1)), complaints));
        assertThat(more.raised()).extracting(s -> s.rule()).containsExactly(ComplaintsRule.NAME);

        world.keyline.relay().pumpUntilIdle(20);
        assertThat(managers.accepted()).hasSize(2).allSatisfy(n -> {
            assertThat(n.type()).isEqualTo(ChurnWarningRaised.TYPE);
            assertThat(n.audience().role()).isEqualTo(Role.ACCOUNT_MANAGER.name());
            assertThat(n.audience().accountId()).isEqualTo(BANK.value());
            assertThat(n.audience().organisationUnit()).isEqualTo(SUZHOU.value());
            ChurnWarningRaised event = (ChurnWarningRaised) KeylineJson.create().readEvent(n.type(), n.payload());
            assertThat(event.accountManager()).isEqualTo(WANG.user());
        });
        assertThat(others.accepted()).noneMatch(n -> n.type().equals(ChurnWarningRaised.TYPE));

        assertRefused(() -> world.churn.clearChurnWarning(LI, BANK), NotAuthorisedException.class, world.state());
        assertThat(world.churn.clearChurnWarning(WANG, BANK).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void aProspectIsEvaluatedButNotWarned() {
        world.serveSuzhou();
        AreaState before = world.state();
        ChurnEvaluation evaluation = world.churn.evaluateChurn(WANG, UNIVERSITY,
                new ChurnObservations(Money.cny("100.00"), Optional.of(LocalDate.of(2025, 1, 1)), List.of()));
        assertThat(evaluation.signals()).hasSize(1);
        assertThat(evaluation.raised()).isEmpty();
        assertThat(evaluation.status()).isEqualTo(AccountStatus.PROSPECT);
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void exitRaisesTheEventThatTellsTheResourcesAreaToReleaseEverythingTheAccountHolds() {
        world.serveSuzhou();
        world.reclassifications.reclassify(ZHOU, SUZHOU, TODAY);

        KeyAccountSnapshot exited = world.accounts.exit(WANG, BANK, "moved to a competitor");

        assertThat(exited.status()).isEqualTo(AccountStatus.EXITED);
        assertThat(exited.exitReason()).contains("moved to a competitor");
        world.keyline.relay().pumpUntilIdle(20);
        Notification notification = world.recorder.accepted().stream().filter(n -> n.type().equals(AccountExited.TYPE))
                .findFirst().orElseThrow();
        assertThat(notification.aggregateId()).isEqualTo(BANK.value());
        assertThat(notification.audience().accountId()).isEqualTo(BANK.value());
        assertThat(notification.audience().subject()).contains("release every resource");
        DomainEvent event = KeylineJson.create().readEvent(notification.type(), notification.payload());
        assertThat(event).isEqualTo(new AccountExited(notification.eventId(), world.clock.instant(), BANK, SUZHOU,
                "moved to a competitor", WANG.user(), Tier.NATIONAL));

        AreaState after = world.state();
        assertRefused(() -> world.accounts.exit(WANG, BANK, "again"), InvalidStateException.class, after);
        assertRefused(() -> world.accounts.assignManager(ZHOU, BANK, LI.user()), InvalidStateException.class, after);
        assertRefused(() -> world.plans.draw(WANG, new AccountPlanId("P-1"), BANK, Year.of(2026), Money.cny("1.00")),
                InvalidStateException.class, after);
        assertRefused(() -> world.prices.request(WANG, new PriceAuthorisationId("PA-9"),
                new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("990.00")), SUZHOU_FLOORS, "win back"),
                InvalidStateException.class, after);
    }

    // ------------------------------------------------------------ access and concurrency

    @Test
    void aRefusedCommandChangesNothingAndWritesNoEvent() {
        world.serveSuzhou();
        world.keyline.relay().pumpUntilIdle(20); // commercial authorisation learns of the accounts
        AreaState before = world.state();
        assertRefused(() -> world.accounts.activate(LI, UNIVERSITY), NotAuthorisedException.class, before);
        assertRefused(() -> world.accounts.updateProfile(GAO, BANK, changedProfile()), NotAuthorisedException.class, before);
        assertRefused(() -> world.accounts.exit(CHEN, HOTEL, "tourism is not finance"), NotAuthorisedException.class, before);
        assertRefused(() -> world.reclassifications.reclassify(WANG, SUZHOU, TODAY), NotAuthorisedException.class, before);
        assertRefused(() -> world.accounts.recordSpend(LI, KeyAccountServiceFixture.monthly(BANK, SUZHOU, "1.00").subList(0, 1)),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.accounts.recordSpend(CHEN, List.of(SpendFact.original(
                new dev.keyline.domain.account.SpendFactId("X1"), new dev.keyline.domain.account.AccountId("C77"),
                SUZHOU, YearMonth.of(2026, 2), Money.cny("1.00"), world.clock.instant()))),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.accounts.overrideTier(WANG, WANG, BANK, Tier.NATIONAL, "own approval"),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.accounts.overrideTier(WANG, LI, BANK, Tier.NATIONAL, "colleague"),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.plans.draw(SUN, new AccountPlanId("P-1"), BANK, Year.of(2026), Money.cny("1.00")),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.prices.request(LI, new PriceAuthorisationId("PA-1"),
                new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("990.00")), SUZHOU_FLOORS, "not mine"),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.prices.setFloorPrice(ZHOU, SUZHOU_FLOORS, DDN, Money.cny("800.00")),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.accounts.register(LI, new dev.keyline.domain.account.AccountId("A09"), "New bank",
                SUZHOU, dev.keyline.domain.common.Industry.FINANCE), NotAuthorisedException.class, before);
    }

    @Test
    void theRightPeopleMayChangeAnAccountAndTheGeneralManagersAnyAccount() {
        world.serveSuzhou();
        world.accounts.assignTeam(CHEN, BANK, new AccountTeam(CHEN.user(), GAO.user(), SUN.user()));
        world.accounts.updateProfile(MA, HOTEL, changedProfile());
        world.accounts.activate(WANG, UNIVERSITY);
        assertThat(world.accounts.get(BANK).team()).contains(new AccountTeam(CHEN.user(), GAO.user(), SUN.user()));
        assertThat(world.accounts.get(HOTEL).profile()).isEqualTo(changedProfile());
        assertThat(world.accounts.get(UNIVERSITY).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(world.accounts.accountsManagedBy(WANG.user())).extracting(KeyAccountSnapshot::id)
                .containsExactly(BANK, UNIVERSITY, SOFTWARE);
        assertThat(world.accounts.accountsOf(KUNMING)).extracting(KeyAccountSnapshot::id).containsExactly(SOFTWARE);
    }

    @Test
    void aTierOverrideNeedsAReasonAndAnApproverWithAuthorityOtherThanTheRequester() {
        world.serveSuzhou();
        world.reclassifications.reclassify(ZHOU, SUZHOU, TODAY);

        KeyAccountSnapshot bank = world.accounts.overrideTier(WANG, CHEN, BANK, Tier.LOCAL, "group list withdrawn");

        assertThat(bank.tier()).isEqualTo(Tier.LOCAL);
        assertThat(bank.tierHistory()).last().satisfies(change -> {
            assertThat(change.by()).isEqualTo(WANG.user());
            assertThat(change.cause()).isEqualTo(new TierChangeCause.ManualOverride("group list withdrawn", CHEN.user()));
        });
        assertRefused(() -> world.accounts.overrideTier(CHEN, CHEN, BANK, Tier.NATIONAL, "mine"),
                NotAuthorisedException.class, world.state());
        assertThat(world.accounts.overrideTier(CHEN, ZHOU, BANK, Tier.NATIONAL, "back on the list").tier())
                .isEqualTo(Tier.NATIONAL);
    }

    @Test
    void withoutRetriesAStaleConcurrentChangeSurfacesAsAConcurrencyConflictWithNothingWritten() throws Exception {
        world.serveSuzhou();
        PausingStorage pausing = new PausingStorage(storage);
        KeyAccounts paused = KeyAccounts.on(dev.keyline.runtime.Keyline.builder().storage(pausing).clock(world.clock)
                .staleRetries(0).build());
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        pausing.pauseNextLoad(loaded, proceed);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<KeyAccountSnapshot> slow = executor.submit(() -> paused.updateProfile(WANG, BANK, changedProfile()));
            assertThat(loaded.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the slow command loaded the account").isTrue();
            AccountTeam team = new AccountTeam(CHEN.user(), GAO.user(), SUN.user());
            world.accounts.assignTeam(CHEN, BANK, team);
            AreaState afterFast = world.state();
            proceed.countDown();

            assertThatThrownBy(() -> slow.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConcurrencyConflictException.class).isInstanceOf(StaleVersionException.class)
                    .hasMessageContaining(BANK.value());
            assertThat(world.state()).isEqualTo(afterFast);
            assertThat(world.accounts.get(BANK).team()).contains(team);
            assertThat(world.accounts.get(BANK).profile()).isNotEqualTo(changedProfile());
        } finally {
            proceed.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aStaleConcurrentChangeRunsAgainOnTheFreshAccountAndBothChangesStand() throws Exception {
        world.serveSuzhou();
        PausingStorage pausing = new PausingStorage(storage);
        KeyAccounts paused = KeyAccounts.on(dev.keyline.runtime.Keyline.builder().storage(pausing).clock(world.clock).build());
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        pausing.pauseNextLoad(loaded, proceed);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<KeyAccountSnapshot> slow = executor.submit(() -> paused.updateProfile(WANG, BANK, changedProfile()));
            assertThat(loaded.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the slow command loaded the account").isTrue();
            AccountTeam team = new AccountTeam(CHEN.user(), GAO.user(), SUN.user());
            world.accounts.assignTeam(CHEN, BANK, team);
            proceed.countDown();

            KeyAccountSnapshot updated = slow.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(updated.profile()).isEqualTo(changedProfile());
            assertThat(world.accounts.get(BANK).team()).as("the retry loaded the fast change and kept it").contains(team);
            assertThat(world.accounts.get(BANK).profile()).isEqualTo(changedProfile());
        } finally {
            proceed.countDown();
            executor.shutdownNow();
        }
    }

    // ------------------------------------------------------------ plans

    @Test
    void anAccountPlanIsKeptByItsAccountsPeopleAndMeasuredOnTheStoredSpend() {
        world.serveSuzhou();
        AccountPlanId id = new AccountPlanId("P-A01-2026");
        AccountPlanSnapshot drawn = world.plans.draw(WANG, id, BANK, Year.of(2026), Money.cny("600000.00"));
        assertThat(drawn.network()).isEqualTo(SUZHOU);
        world.plans.addAction(WANG, id, "visit the CIO", WANG.user(), LocalDate.of(2026, 4, 1));
        world.plans.completeAction(CHEN, id, 1);
        world.plans.addResourceItem(WANG, id, DDN, 4, LocalDate.of(2026, 6, 30), "new branch");
        world.plans.fulfilResourceItem(WANG, id, 1);
        AccountPlanSnapshot plan = world.plans.find(id).orElseThrow();
        assertThat(plan.actions()).singleElement().satisfies(a -> assertThat(a.completedBy()).contains(CHEN.user()));
        assertThat(plan.resourceItems()).singleElement().satisfies(r -> assertThat(r.isFulfilled()).isTrue());
        assertThat(world.plans.planOf(BANK, Year.of(2026))).contains(plan);
        assertThat(world.plans.plansOf(BANK)).containsExactly(plan);

        PlanProgress progress = world.plans.progress(WANG, id, TODAY);
        assertThat(progress.monthsElapsed()).isEqualTo(2);
        assertThat(progress.achieved()).isEqualTo(Money.cny("100000.00"));
        assertThat(progress.expected()).isEqualTo(Money.cny("100000.00"));
        assertThat(progress.onTrack()).isTrue();

        AreaState before = world.state();
        assertRefused(() -> world.plans.addAction(LI, id, "not mine", LI.user(), LocalDate.of(2026, 5, 1)),
                NotAuthorisedException.class, before);
        assertRefused(() -> world.plans.progress(GAO, id, TODAY), NotAuthorisedException.class, before);
        assertRefused(() -> world.plans.draw(WANG, new AccountPlanId("P-OTHER"), BANK, Year.of(2026), Money.cny("1.00")),
                AlreadyExistsException.class, before);
        assertThat(world.plans.reviseTarget(ZHOU, id, Money.cny("720000.00"), "second data centre").revenueTarget())
                .isEqualTo(Money.cny("720000.00"));
    }

    // ------------------------------------------------------------ prices

    @Test
    void aPriceBelowTheFloorNeedsTheFinancialManagerAndTheDepartmentGeneralManagerAndEveryDecisionIsKept() {
        world.serveSuzhou();
        world.keyline.relay().pumpUntilIdle(20); // commercial authorisation learns of the accounts
        world.prices.setFloorPrice(SUN, SUZHOU_FLOORS, DDN, Money.cny("800.00"));
        PriceAuthorisationId id = new PriceAuthorisationId("PA-1");

        PriceAuthorisationSnapshot requested = world.prices.request(WANG, id,
                new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("700.00")), SUZHOU_FLOORS, "competitor quotes 690");

        assertThat(requested.addressedTo()).isEqualTo(Role.FINANCIAL_MANAGER);
        assertThat(requested.floorPrice()).isEqualTo(Money.cny("800.00"));
        AreaState before = world.state();
        assertRefused(() -> world.prices.approve(CHEN, id, "finance is mine"), AuthorityExceededException.class, before);
        assertRefused(() -> world.prices.approve(WANG, id, "my own"), NotAuthorisedException.class, before);
        PriceDecision first = world.prices.approve(SUN, id, "margin still positive");
        assertThat(world.prices.find(id).orElseThrow().state()).isEqualTo(PriceAuthorisationState.REQUESTED);
        assertThat(world.prices.openRequests()).extracting(PriceAuthorisationSnapshot::id).containsExactly(id);
        PriceDecision second = world.prices.approve(ZHOU, id, "keeps the bank");

        PriceAuthorisationSnapshot approved = world.prices.find(id).orElseThrow();
        assertThat(approved.state()).isEqualTo(PriceAuthorisationState.APPROVED);
        assertThat(approved.decisions()).containsExactly(first, second);
        assertThat(first.role()).isEqualTo(Role.FINANCIAL_MANAGER);
        assertThat(second.role()).isEqualTo(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(world.prices.requestsFor(BANK)).containsExactly(approved);
        assertThat(world.prices.openRequests()).isEmpty();
        assertThat(world.prices.floorPrices(SUZHOU_FLOORS).orElseThrow().history()).hasSize(1);

        world.keyline.relay().pumpUntilIdle(20);
        assertThat(world.recorder.accepted()).extracting(Notification::type).contains("authority.floor-price-set",
                "authority.price-requested", "authority.price-approval-recorded", "authority.price-approved");
    }

    @Test
    void aPriceWithinTheMatrixIsApprovedOnceRejectedOrWithdrawn() {
        world.serveSuzhou();
        world.keyline.relay().pumpUntilIdle(20); // commercial authorisation learns of the accounts
        PriceOffer twelvePercent = new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("880.00"));
        world.prices.request(WANG, new PriceAuthorisationId("PA-1"), twelvePercent, SUZHOU_FLOORS, "renewal");
        world.prices.request(WANG, new PriceAuthorisationId("PA-2"), twelvePercent, SUZHOU_FLOORS, "renewal");
        world.prices.request(WANG, new PriceAuthorisationId("PA-3"), twelvePercent, SUZHOU_FLOORS, "renewal");

        assertThat(world.prices.approve(CHEN, new PriceAuthorisationId("PA-1"), "keeps the bank").maximumDiscount())
                .isEqualByComparingTo(new BigDecimal("0.15"));
        world.prices.reject(ZHOU, new PriceAuthorisationId("PA-2"), "no competitor offer on file");
        assertRefused(() -> world.prices.withdraw(CHEN, new PriceAuthorisationId("PA-3"), "not his"),
                NotAuthorisedException.class, world.state());
        world.prices.withdraw(WANG, new PriceAuthorisationId("PA-3"), "customer accepted the list price");

        assertThat(world.prices.requestsFor(BANK)).extracting(PriceAuthorisationSnapshot::state).containsExactly(
                PriceAuthorisationState.APPROVED, PriceAuthorisationState.REJECTED, PriceAuthorisationState.WITHDRAWN);
        assertRefused(() -> world.prices.request(WANG, new PriceAuthorisationId("PA-4"),
                new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("500.00")), SUZHOU_FLOORS, "half price"),
                AuthorityExceededException.class, world.state());
    }

    @Test
    void aPriceIsApprovedOrRejectedOnlyByAnApproverWhoseAccessReachesTheAccount() {
        world.serveSuzhou();
        world.keyline.relay().pumpUntilIdle(20); // commercial authorisation learns of the accounts
        PriceAuthorisationId id = new PriceAuthorisationId("PA-1");
        world.prices.request(LI, id, new PriceOffer(HOTEL, DDN, Money.cny("1000.00"), Money.cny("880.00")),
                SUZHOU_FLOORS, "renewal");
        AreaState before = world.state();

        // the matrix gives every industry manager 0.15, but Chen leads finance and the hotel group is tourism
        assertRefused(() -> world.prices.approve(CHEN, id, "a discount for tourism"), NotAuthorisedException.class, before);
        assertRefused(() -> world.prices.reject(CHEN, id, "not for tourism"), NotAuthorisedException.class, before);
        assertThatThrownBy(() -> world.prices.approve(CHEN, id, "again")).hasMessageContaining("chen")
                .hasMessageContaining(HOTEL.value()).hasMessageContaining("TOURISM");
        // Wang manages the bank, not the hotel group, and leads finance: none of his roles reaches it
        Actor wangLeadingFinance = new Actor(WANG.user(), Set.of(Role.ACCOUNT_MANAGER, Role.INDUSTRY_MANAGER),
                Set.of(Industry.FINANCE));
        assertRefused(() -> world.prices.approve(wangLeadingFinance, id, "not his"), NotAuthorisedException.class, before);

        Actor tourism = Actor.industryManager(new UserId("he"), List.of(Industry.TOURISM));
        PriceDecision approval = world.prices.approve(tourism, id, "keeps the hotel group");
        assertThat(approval.role()).isEqualTo(Role.INDUSTRY_MANAGER);
        assertThat(world.prices.find(id).orElseThrow().state()).isEqualTo(PriceAuthorisationState.APPROVED);
    }

    @Test
    void theDepartmentGeneralManagerAndTheFinancialManagerDecideOnEveryAccount() {
        world.serveSuzhou();
        world.keyline.relay().pumpUntilIdle(20); // commercial authorisation learns of the accounts
        world.prices.setFloorPrice(SUN, SUZHOU_FLOORS, DDN, Money.cny("800.00"));
        PriceAuthorisationId id = new PriceAuthorisationId("PA-1");
        world.prices.request(LI, id, new PriceOffer(HOTEL, DDN, Money.cny("1000.00"), Money.cny("700.00")),
                SUZHOU_FLOORS, "competitor quotes 690");
        assertThat(world.prices.approve(SUN, id, "margin still positive").role()).isEqualTo(Role.FINANCIAL_MANAGER);
        assertThat(world.prices.approve(ZHOU, id, "keeps the hotel group").role())
                .isEqualTo(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(world.prices.find(id).orElseThrow().state()).isEqualTo(PriceAuthorisationState.APPROVED);
    }

    private void assertRefused(ThrowingCallable command, Class<? extends KeylineException> refusal, AreaState before) {
        assertThatThrownBy(command).isInstanceOf(refusal);
        assertThat(world.state()).as("storage and outbox after a refused command").isEqualTo(before);
    }

    /** A profile different from the blank one every account starts with. */
    protected static AccountProfile changedProfile() {
        return new AccountProfile(3, Money.cny("1000000.00"), new BigDecimal("0.10"), Money.cny("50000.00"),
                new BigDecimal("0.40"), true, false, 5, 20_000L);
    }
}
