package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyline.domain.account.AccountGenerators;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.Reclassification;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.authority.AuthorityGenerators;
import dev.keyline.domain.authority.AuthorityGenerators.Approve;
import dev.keyline.domain.authority.AuthorityGenerators.PriceCommand;
import dev.keyline.domain.authority.AuthorityGenerators.Reject;
import dev.keyline.domain.authority.AuthorityGenerators.SetFloorPrice;
import dev.keyline.domain.authority.AuthorityGenerators.Withdraw;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random aggregates of the key-account and authority areas in every reachable state: their
 * snapshots and every event they raised read back equal from JSON; so do billing's spend facts and
 * classification results, the values the persistence layer stores.
 */
class AreaJsonProperties {

    private final KeylineJson json = KeylineJson.create();

    @Test
    void keyAccountSnapshotsAndEventsRoundTrip() {
        qt().withExamples(300).forAll(AccountGenerators.keyAccounts()).checkAssert(account -> {
            KeyAccountSnapshot snapshot = account.snapshot();
            assertThat(json.read(json.write(snapshot), KeyAccountSnapshot.class)).isEqualTo(snapshot);
            assertThat(KeyAccount.restore(json.read(json.write(snapshot), KeyAccountSnapshot.class)).snapshot())
                    .isEqualTo(snapshot);
            assertEventsRoundTrip(account.pendingEvents());
        });
    }

    @Test
    void accountPlanSnapshotsAndEventsRoundTrip() {
        qt().withExamples(300).forAll(AccountGenerators.accountPlans()).checkAssert(plan -> {
            AccountPlanSnapshot snapshot = plan.snapshot();
            assertThat(json.read(json.write(snapshot), AccountPlanSnapshot.class)).isEqualTo(snapshot);
            assertThat(AccountPlan.restore(json.read(json.write(snapshot), AccountPlanSnapshot.class)).snapshot())
                    .isEqualTo(snapshot);
            assertEventsRoundTrip(plan.pendingEvents());
        });
    }

    @Test
    void spendFactsAndClassificationResultsRoundTrip() {
        qt().withExamples(200).forAll(AccountGenerators.ledgers(), AccountGenerators.shares()).checkAssert((ledger, share) -> {
            List<SpendFact> facts = ledger.facts();
            assertThat(json.read(json.write(facts), new TypeReference<List<SpendFact>>() { })).isEqualTo(facts);
            AssessmentWindow window = new AssessmentWindow(YearMonth.of(2024, 1), YearMonth.of(2024, 12));
            NationalList nationals = new NationalList(Set.copyOf(ledger.expected().keySet().stream().limit(1).toList()));
            for (ClassificationResult result : List.of(
                    Reclassification.run(ledger.network(), LocalDate.of(2025, 1, 1), window, facts,
                            new RevenueShareRule(share), nationals),
                    Reclassification.run(ledger.network(), LocalDate.of(2025, 1, 1), window, facts,
                            new MonthlyMinimumRule(Money.cny("1000.00")), nationals))) {
                assertThat(json.read(json.write(result), ClassificationResult.class)).isEqualTo(result);
            }
        });
    }

    @Test
    void priceAuthorisationSnapshotsAndEventsRoundTrip() {
        qt().withExamples(300).forAll(AuthorityGenerators.priceRequests(), AuthorityGenerators.priceCommandSequences())
                .checkAssert((setup, commands) -> {
                    PriceAuthorisation request;
                    try {
                        request = setup.open(new PriceAuthorisationId("PA-1"));
                    } catch (KeylineException refused) {
                        return; // nobody could approve it; there is nothing to store
                    }
                    Instant at = AuthorityGenerators.EPOCH;
                    for (PriceCommand command : commands) {
                        Instant next = at.plus(Duration.ofMinutes(command.minutesLater()));
                        try {
                            apply(request, setup, command, next);
                            at = next;
                        } catch (KeylineException refused) {
                            // a refused command changes nothing; the domain's properties check that
                        }
                    }
                    PriceAuthorisationSnapshot snapshot = request.snapshot();
                    assertThat(json.read(json.write(snapshot), PriceAuthorisationSnapshot.class)).isEqualTo(snapshot);
                    assertThat(PriceAuthorisation.restore(json.read(json.write(snapshot), PriceAuthorisationSnapshot.class))
                            .snapshot()).isEqualTo(snapshot);
                    assertEventsRoundTrip(request.pendingEvents());
                });
    }

    @Test
    void floorPriceListSnapshotsAndEventsRoundTrip() {
        qt().withExamples(200).forAll(lists().of(AuthorityGenerators.floorPriceSettings()).ofSizeBetween(0, 10))
                .checkAssert(settings -> {
                    FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
                    Instant at = AuthorityGenerators.EPOCH;
                    for (SetFloorPrice setting : settings) {
                        Instant next = at.plus(Duration.ofMinutes(setting.minutesLater()));
                        try {
                            list.setFloorPrice(setting.actor(), setting.product(), AuthorityGenerators.cents(setting.priceCents()), next);
                            at = next;
                        } catch (KeylineException refused) {
                            // refused settings change nothing
                        }
                    }
                    FloorPriceListSnapshot snapshot = list.snapshot();
                    assertThat(json.read(json.write(snapshot), FloorPriceListSnapshot.class)).isEqualTo(snapshot);
                    assertThat(FloorPriceList.restore(json.read(json.write(snapshot), FloorPriceListSnapshot.class))
                            .snapshot()).isEqualTo(snapshot);
                    assertEventsRoundTrip(list.pendingEvents());
                });
    }

    private static void apply(PriceAuthorisation request, AuthorityGenerators.PriceRequestSetup setup,
            PriceCommand command, Instant at) {
        if (command instanceof Approve approve) {
            request.approve(approve.actor(), approve.matrix().orElse(setup.matrix()), approve.reason(), at);
        } else if (command instanceof Reject reject) {
            request.reject(reject.actor(), reject.matrix().orElse(setup.matrix()), reject.reason(), at);
        } else {
            Withdraw withdraw = (Withdraw) command;
            request.withdraw(withdraw.byRequester() ? setup.requester() : withdraw.actor(), withdraw.reason(), at);
        }
    }

    private void assertEventsRoundTrip(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            assertThat(json.readEvent(event.type(), json.writeEvent(event))).as(event.type()).isEqualTo(event);
        }
    }
}
