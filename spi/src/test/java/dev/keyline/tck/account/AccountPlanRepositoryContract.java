package dev.keyline.tck.account;

import static dev.keyline.tck.account.AccountAreaSamples.CLERK;
import static dev.keyline.tck.account.AccountAreaSamples.KUNMING;
import static dev.keyline.tck.account.AccountAreaSamples.SUZHOU;
import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static dev.keyline.tck.account.AccountAreaSamples.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.account.AccountGenerators;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PlanAction;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link AccountPlanRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on real account plans, one plan per account and year (also
 * when two transactions race), the queries and full round trips of plans in every reachable state.
 * A provider runs it by extending {@link AccountAreaContract}, or this class directly with
 * {@link #newStorage()}.
 */
public abstract class AccountPlanRepositoryContract
        extends AggregateRepositoryContract<AccountPlan, AccountPlanId, AccountPlanSnapshot> {

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    /** The repository under test, with its queries. */
    protected AccountPlanRepository plans() {
        return storage.port(AccountPlanRepository.class);
    }

    @Override
    protected AggregateRepository<AccountPlan, AccountPlanId> repository(StorageProvider storage) {
        return storage.port(AccountPlanRepository.class);
    }

    @Override
    protected AccountPlanId newId() {
        return new AccountPlanId(samples.nextId("PL"));
    }

    @Override
    protected AccountPlan newAggregate(AccountPlanId id) {
        return plan(id, samples.accountId(), SUZHOU, Year.of(2024));
    }

    @Override
    protected void change(AccountPlan plan) {
        plan.addAction("visit the CIO", new UserId("am-1"), LocalDate.of(plan.year().getValue(), 6, 30), CLERK,
                plan.lastChangedAt().plusSeconds(60));
    }

    @Override
    protected AccountPlanSnapshot snapshot(AccountPlan plan) {
        return plan.snapshot();
    }

    @Override
    protected AccountPlan restore(AccountPlanSnapshot snapshot) {
        return AccountPlan.restore(snapshot);
    }

    @Override
    protected AccountPlanSnapshot corrupt(AccountPlanSnapshot s) {
        List<PlanAction> renumbered = s.actions().stream().map(a -> new PlanAction(a.number() + 1, a.description(),
                a.owner(), a.due(), a.completedAt(), a.completedBy())).toList();
        return new AccountPlanSnapshot(s.id(), s.version(), s.account(), s.network(), s.year(), s.revenueTarget(),
                renumbered, s.resourceItems(), s.drawnBy(), s.drawnAt(), s.lastChangedAt());
    }

    /** A plan with a target of one million CNY, drawn at {@link AccountAreaSamples#T0}. */
    protected static AccountPlan plan(AccountPlanId id, AccountId account, LocalNetworkId network, Year year) {
        return AccountPlan.draw(id, account, network, year, Money.cny("1000000.00"), CLERK, T0);
    }

    /** The ids of the plans a query yields, in order, in a transaction of its own. */
    protected List<String> ids(java.util.function.Supplier<Stream<AccountPlan>> query) {
        return inTransaction(() -> {
            try (Stream<AccountPlan> found = query.get()) {
                return found.map(p -> p.id().value()).toList();
            }
        });
    }

    /** One plan per account and year. */
    @Nested
    class OnePlanPerAccountAndYear {

        @Test
        void aSecondPlanForTheSameAccountAndYearIsRejectedAndNothingIsWritten() {
            AccountId account = samples.accountId();
            AccountPlan first = plan(newId(), account, SUZHOU, Year.of(2024));
            saveInTransaction(first);
            AccountPlan second = plan(newId(), account, SUZHOU, Year.of(2024));

            assertThatThrownBy(() -> saveInTransaction(second)).isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining(account.value()).hasMessageContaining("2024");

            assertThat(second.version()).isZero();
            assertThat(inTransaction(() -> repository.find(second.id()))).isEmpty();
            assertThat(inTransaction(() -> plans().byAccount(account))).extracting(p -> p.id())
                    .containsExactly(first.id());
            AccountPlan nextYear = plan(newId(), account, SUZHOU, Year.of(2025));
            AccountPlan otherAccount = plan(newId(), samples.accountId(), SUZHOU, Year.of(2024));
            saveInTransaction(nextYear);
            saveInTransaction(otherAccount);
            assertThat(nextYear.version()).isEqualTo(1);
            assertThat(otherAccount.version()).isEqualTo(1);
        }

        @Test
        void twoTransactionsRacingToInsertPlansForTheSameAccountAndYearExactlyOneWins() throws Exception {
            for (int round = 0; round < 3; round++) {
                AccountId account = samples.accountId();
                List<AccountPlan> rivals = List.of(plan(newId(), account, SUZHOU, Year.of(2024)),
                        plan(newId(), account, SUZHOU, Year.of(2024)));
                CyclicBarrier bothStarted = new CyclicBarrier(2);
                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    List<Future<AccountPlan>> racers = new ArrayList<>();
                    for (AccountPlan rival : rivals) {
                        racers.add(threads.submit(() -> storage.transactions().execute(() -> {
                            plans().byAccountAndYear(account, Year.of(2024));
                            try {
                                bothStarted.await(60, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new AssertionError("the other racer did not start", e);
                            }
                            repository.save(rival);
                            return rival;
                        })));
                    }
                    List<AccountPlan> winners = new ArrayList<>();
                    List<Throwable> losers = new ArrayList<>();
                    for (Future<AccountPlan> racer : racers) {
                        try {
                            winners.add(racer.get(60, TimeUnit.SECONDS));
                        } catch (ExecutionException e) {
                            losers.add(e.getCause());
                        }
                    }
                    assertThat(winners).hasSize(1);
                    assertThat(losers).singleElement().isInstanceOf(AlreadyExistsException.class);
                    assertThat(inTransaction(() -> plans().byAccountAndYear(account, Year.of(2024))))
                            .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(winners.get(0).id()));
                    assertThat(inTransaction(() -> plans().byAccount(account))).hasSize(1);
                } finally {
                    threads.shutdownNow();
                }
            }
        }
    }

    /** The queries. */
    @Nested
    class Queries {

        @Test
        void plansAreFoundByAccountByAccountAndYearAndByNetworkAndYear() {
            AccountId first = samples.accountId();
            AccountId second = samples.accountId();
            AccountPlan firstIn2025 = plan(newId(), first, SUZHOU, Year.of(2025));
            AccountPlan firstIn2024 = plan(newId(), first, SUZHOU, Year.of(2024));
            AccountPlan secondIn2024 = plan(newId(), second, SUZHOU, Year.of(2024));
            AccountPlan elsewhere = plan(newId(), samples.accountId(), KUNMING, Year.of(2024));
            storage.transactions().run(() -> List.of(secondIn2024, firstIn2025, elsewhere, firstIn2024)
                    .forEach(repository::save));

            assertThat(inTransaction(() -> plans().byAccount(first))).extracting(AccountPlan::snapshot)
                    .containsExactly(firstIn2024.snapshot(), firstIn2025.snapshot());
            assertThat(inTransaction(() -> plans().byAccountAndYear(first, Year.of(2025))))
                    .hasValueSatisfying(p -> assertThat(p.snapshot()).isEqualTo(firstIn2025.snapshot()));
            assertThat(inTransaction(() -> plans().byAccountAndYear(second, Year.of(2025)))).isEmpty();
            assertThat(ids(() -> plans().byNetworkAndYear(SUZHOU, Year.of(2024))))
                    .containsExactly(firstIn2024.id().value(), secondIn2024.id().value());
            assertThat(ids(() -> plans().byNetworkAndYear(KUNMING, Year.of(2024)))).containsExactly(elsewhere.id().value());
            assertThat(ids(() -> plans().byNetworkAndYear(KUNMING, Year.of(2025)))).isEmpty();
            assertThat(inTransaction(() -> plans().byAccount(samples.accountId()))).isEmpty();
        }

        @Test
        void queriesNeedATransactionAndNameAMissingArgument() {
            AccountId account = samples.accountId();
            assertThatThrownBy(() -> plans().byAccount(account)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> plans().byAccountAndYear(account, Year.of(2024))).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> plans().byNetworkAndYear(SUZHOU, Year.of(2024))).isInstanceOf(InvalidStateException.class);
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> plans().byAccount(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("account");
                assertThatThrownBy(() -> plans().byAccountAndYear(account, null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("year");
                assertThatThrownBy(() -> plans().byNetworkAndYear(null, Year.of(2024)))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("network");
            });
        }
    }

    /** Every field, the action and resource plans and the version survive saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void aPlanWithDoneActionsAndFulfilledResourceLinesSurvives() {
            AccountPlan plan = plan(newId(), samples.accountId(), SUZHOU, Year.of(2024));
            plan.addAction("拜访客户CIO，了解专线扩容需求", new UserId("am-1"), LocalDate.of(2024, 3, 31), CLERK, T0.plusSeconds(10));
            plan.addAction("draft the agreement", new UserId("am-1"), LocalDate.of(2024, 6, 30), CLERK, T0.plusSeconds(20));
            plan.addResourceItem(new ProductCode("DDN"), 12, LocalDate.of(2024, 9, 1), "for the new branch", CLERK,
                    T0.plusSeconds(30));
            plan.addResourceItem(new ProductCode("LAN"), 1, LocalDate.of(2024, 12, 31), "", CLERK, T0.plusSeconds(40));
            plan.completeAction(1, new UserId("am-2"), T0.plusSeconds(50));
            plan.fulfilResourceItem(2, new UserId("nc-1"), T0.plusSeconds(60));
            plan.reviseTarget(Money.cny("1250000.50"), "new branch opened", CLERK, T0.plusSeconds(70));
            saveInTransaction(plan);

            AccountPlan loaded = load(plan.id());
            assertThat(loaded.snapshot()).isEqualTo(plan.snapshot());

            loaded.completeAction(2, CLERK, T0.plusSeconds(80));
            loaded.addAction("review the year", CLERK, LocalDate.of(2024, 12, 20), CLERK, T0.plusSeconds(90));
            saveInTransaction(loaded);
            assertThat(load(plan.id()).snapshot()).isEqualTo(loaded.snapshot());
            assertThat(load(plan.id()).version()).isEqualTo(2);
        }

        @Test
        void everyReachablePlanSurvivesSaveAndLoadTwice() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(AccountGenerators.accountPlans(), AccountGenerators.accountPlanCommandSequences())
                    .checkAssert((generated, moreCommands) -> {
                        AccountPlan plan = renamed(generated, newId(), samples.accountId());
                        saveInTransaction(plan);
                        AccountPlan loaded = load(plan.id());
                        assertThat(loaded.snapshot()).isEqualTo(plan.snapshot());
                        assertThat(loaded.version()).isEqualTo(1);

                        AccountGenerators.applyAll(loaded, moreCommands);
                        saveInTransaction(loaded);
                        AccountPlan reloaded = load(plan.id());
                        assertThat(reloaded.snapshot()).isEqualTo(loaded.snapshot());
                        assertThat(reloaded.version()).isEqualTo(2);
                    });
        }
    }
}
