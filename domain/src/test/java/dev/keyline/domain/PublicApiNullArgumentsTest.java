package dev.keyline.domain;

import static dev.keyline.domain.testing.NullArgumentsTester.CONSTRUCTOR;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.budget.ActualRecorded;
import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.BudgetStatusChanged;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.Challenge;
import dev.keyline.domain.budget.CommitmentBooked;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.LedgerEntry;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.budget.StatusChange;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.authority.FloorPriceSet;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.authority.PriceRequested;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultClockBreached;
import dev.keyline.domain.workorder.FaultClockWarned;
import dev.keyline.domain.workorder.FaultDeadlinesRecomputed;
import dev.keyline.domain.workorder.FaultReported;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicketAccess;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTransition;
import dev.keyline.domain.workorder.FaultTransitioned;
import dev.keyline.domain.workorder.TicketClock;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.ApprovalRequiredException;
import dev.keyline.domain.common.ConcurrencyConflictException;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.ExpiredException;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.WorkingWindow;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.testing.DomainSamples;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderOpened;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.domain.testing.NullArgumentsTester;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SpareIssued;
import dev.keyline.domain.resource.SparePartNumber;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the domain rejects a null argument with an
 * {@link InvalidArgumentException} naming it. The allowances and aliases below are the reviewed
 * exceptions, each with its reason; one that no longer matches fails the test.
 */
class PublicApiNullArgumentsTest {

    @Test
    void everyPublicConstructorAndMethodRejectsNullNamingTheArgument() {
        NullArgumentsTester tester = DomainSamples.tester();

        // Snapshots carry stored data unchecked on purpose: restore(snapshot) rejects a null part
        // with CorruptStateException, so a corrupt row is reported as corrupt, not as a bad argument.
        for (Class<?> snapshot : List.of(KeyAccountSnapshot.class, AccountPlanSnapshot.class,
                FloorPriceListSnapshot.class, PriceAuthorisationSnapshot.class,
                SpareStockSnapshot.class,
                dev.keyline.domain.sla.ServiceLevelAgreementSnapshot.class, FaultTicketSnapshot.class,
                ReservationSnapshot.class, ResourcePoolSnapshot.class, ProvisioningOrderSnapshot.class)) {
            tester.nullableParameters(snapshot, CONSTRUCTOR, "a snapshot is validated by restore, which reports a null part as corrupt");
        }

        // Documented optional parts.
        String stationReason = "null before the ticket is dispatched to a station";
        tester.nullable(FaultTransition.class, CONSTRUCTOR, "from", "null on the report, which has no previous state")
                .nullable(FaultTransition.class, CONSTRUCTOR, "station", "set only on a dispatch")
                .nullable(FaultTransition.class, CONSTRUCTOR, "cause", "set only on a return")
                .nullable(FaultTransitioned.class, CONSTRUCTOR, "station", "set only on a dispatch")
                .nullable(FaultTransitioned.class, CONSTRUCTOR, "cause", "set only on a return")
                .nullable(FaultReported.class, CONSTRUCTOR, "serviceClass", "null when the ticket has no service class")
                .nullable(FaultClockWarned.class, CONSTRUCTOR, "deadline", "null while the clock is paused")
                .nullable(FaultClockWarned.class, CONSTRUCTOR, "station", stationReason)
                .nullable(FaultClockBreached.class, CONSTRUCTOR, "station", stationReason)
                .nullable(FaultDeadlinesRecomputed.class, CONSTRUCTOR, "responseDeadline",
                        "null when the clock's log determines no deadline")
                .nullable(FaultDeadlinesRecomputed.class, CONSTRUCTOR, "resolutionDeadline",
                        "null when the clock's log determines no deadline")
                .nullable(FaultTicketAccess.class, "rolesFor", "from", "null for a report, which has no previous state")
                .nullable(FaultTicketAccess.class, "mayMove", "from", "null for a report, which has no previous state")
                .nullable(FaultTicketAccess.class, "requireMayMove", "from", "null for a report, which has no previous state");
        for (String instant : List.of("deadline", "warningAt", "warnedAt", "breachedAt")) {
            tester.nullable(TicketClock.class, CONSTRUCTOR, instant, "null until the clock's log determines or records it");
        }
        tester.nullable(ProvisioningOrderOpened.class, CONSTRUCTOR, "slaOrder", "null when the order has no SLA order")
                .nullable(ProvisioningOrderOpened.class, CONSTRUCTOR, "slaCommittedBy", "null when the order has no SLA order");
        for (String instant : List.of("startedAt", "heldSince", "warningAt", "due", "doneAt")) {
            tester.nullable(StageProgress.class, CONSTRUCTOR, instant, "null in the states before it is set; checked against the state");
        }
        tester.nullable(FloorPriceSet.class, CONSTRUCTOR, "previousPrice", "null when the product had no floor price before")
                .nullable(PriceRequested.class, CONSTRUCTOR, "floorPrice", "null when the product has no floor price")
                .nullable(SpareIssued.class, CONSTRUCTOR, "reservation",
                        "null when the units were issued directly, not from a reservation")
                .nullable(PriceDecision.class, CONSTRUCTOR, "maximumDiscount",
                        "null for decisions below the floor price and for withdrawals")
                .nullable(Audience.class, CONSTRUCTOR, "role", "every part of an audience but the subject is optional")
                .nullable(Audience.class, CONSTRUCTOR, "organisationUnit", "every part of an audience but the subject is optional")
                .nullable(Audience.class, CONSTRUCTOR, "accountId", "every part of an audience but the subject is optional")
                .nullable(Audience.class, CONSTRUCTOR, "stationId", "every part of an audience but the subject is optional")
                .nullable(Audience.class, "withRole", "newRole", "null leaves the optional role unset")
                .nullable(Audience.class, "withOrganisationUnit", "unit", "null leaves the optional unit unset")
                .nullable(Audience.class, "withAccount", "account", "null leaves the optional account unset")
                .nullable(Audience.class, "withStation", "station", "null leaves the optional station unset");
        for (Class<? extends KeylineException> exception : List.of(AlreadyExistsException.class,
                ApprovalRequiredException.class, AuthorityExceededException.class, CorruptStateException.class,
                ExpiredException.class, InsufficientCapacityException.class, InvalidStateException.class,
                KeylineException.class, LimitExceededException.class, MalformedInputException.class,
                NotAuthorisedException.class, NotFoundException.class, StaleVersionException.class,
                ConcurrencyConflictException.class)) {
            tester.nullable(exception, CONSTRUCTOR, "cause", "documented: an exception may have no underlying failure");
        }

        // The checks themselves: the value is what they check and report under the caller's name.
        // Require.that's lazy message is the only Supplier the public API takes
        tester.value(java.util.function.Supplier.class, () -> (java.util.function.Supplier<String>) () -> "a message")
                .nullable(Require.class, "nonNull", "value", "the subject of the check, reported under the given name")
                .nullable(Require.class, "nonBlank", "value", "the subject of the check, reported under the given name")
                .nullable(Require.class, "text", "value", "the subject of the check, reported under the given name")
                .nullable(Require.class, "nonNegative", "value", "the subject of the check, reported under the given name")
                .nullable(Require.class, "nonNullElements", "values", "the subject of the check, reported under the given name")
                .nullable(Require.class, "same", "a", "compared with Objects.equals; reported under the given name")
                .nullable(Require.class, "same", "b", "compared with Objects.equals; reported under the given name")
                .nullable(Limits.class, "text", "value", "the subject of the check, reported under the given name")
                .nullable(Limits.class, "length", "value", "the subject of the check, reported under the given name")
                .nullable(Limits.class, "money", "money", "the subject of the check, reported under the given name")
                .nullable(Limits.class, "ratio", "value", "the subject of the check, reported under the given name")
                .nullable(Limits.class, "discount", "value", "the subject of the check, reported under the given name")
                .nullable(Limits.class, "month", "month", "the subject of the check, reported under the given name")
                .nullable(Identifier.class, "check", "value", "the subject of the check, reported under the given name");

        // An identifier reports its one component by the identifier's business name.
        String idReason = "an identifier's one component is the whole id, so it is reported by the id's name";
        tester.alias(AccountId.class, CONSTRUCTOR, "value", "accountId", idReason)
                .alias(AccountPlanId.class, CONSTRUCTOR, "value", "accountPlanId", idReason)
                .alias(SpendFactId.class, CONSTRUCTOR, "value", "spendFactId", idReason)
                .alias(LocalNetworkId.class, CONSTRUCTOR, "value", "network", idReason)
                .alias(UserId.class, CONSTRUCTOR, "value", "userId", idReason)
                .alias(ProductCode.class, CONSTRUCTOR, "value", "product", idReason)
                .alias(FloorPriceListId.class, CONSTRUCTOR, "value", "floorPriceListId", idReason)
                .alias(PriceAuthorisationId.class, CONSTRUCTOR, "value", "priceAuthorisationId", idReason)
                .alias(StageId.class, CONSTRUCTOR, "value", "stageId", idReason)
                .alias(DepotId.class, CONSTRUCTOR, "value", "depot", idReason)
                .alias(SparePartNumber.class, CONSTRUCTOR, "value", "part", idReason)
                .alias(SpareStockId.class, CONSTRUCTOR, "value", "spareStockId", idReason)
                .alias(SpareReservationRef.class, CONSTRUCTOR, "value", "reservation", idReason)
                .alias(dev.keyline.domain.sla.SlaId.class, CONSTRUCTOR, "value", "slaId", idReason)
                .alias(dev.keyline.domain.sla.MarketingDepartment.class, CONSTRUCTOR, "value", "department", idReason)
                .alias(FaultTicketId.class, CONSTRUCTOR, "value", "faultTicketId", idReason)
                .alias(FaultStation.class, CONSTRUCTOR, "value", "station", idReason)
                .alias(FaultCause.class, CONSTRUCTOR, "value", "cause", idReason)
                .alias(PoolId.class, CONSTRUCTOR, "value", "poolId", idReason)
                .alias(ReservationId.class, CONSTRUCTOR, "value", "reservationId", idReason)
                .alias(AllocationId.class, CONSTRUCTOR, "value", "allocationId", idReason)
                .alias(ResourceType.class, CONSTRUCTOR, "value", "resourceType", idReason)
                .alias(ProvisioningOrderId.class, CONSTRUCTOR, "value", "provisioningOrderId", idReason)
                .alias(WorkOrderStation.class, CONSTRUCTOR, "value", "station", idReason)
                .alias(AccountResultFactId.class, CONSTRUCTOR, "value", "factId", idReason)
                .alias(PriorityRankingId.class, CONSTRUCTOR, "value", "priorityRankingId", idReason);

        // parse(text) reports a missing text as it reports a malformed one: by the value it reads.
        String parseReason = "parse names the value it reads, for a null text as for a malformed one";
        tester.alias(EventId.class, "parse", "text", "eventId", parseReason)
                .alias(Money.class, "parse", "text", "amount", parseReason)
                .alias(Period.class, "parse", "text", "period", parseReason)
                .alias(WorkingWindow.class, "parse", "text", "window", parseReason)
                .alias(Segment.class, "parse", "key", "segment", parseReason);

        // budgets
        tester.nullableParameters(BudgetSnapshot.class, CONSTRUCTOR, "a snapshot is validated by restore, which reports a null part as corrupt")
                .nullable(BudgetTargets.class, CONSTRUCTOR, "parent", "null for a budget without a parent budget")
                .nullable(BudgetTargets.class, "of", "parent", "null for a budget without a parent budget")
                .nullable(BudgetLine.class, CONSTRUCTOR, "parentLine", "null for a line of a budget without a parent budget")
                .nullable(OrgUnit.class, CONSTRUCTOR, "network", "null for the province, which belongs to no local network")
                .nullable(OrgUnit.class, CONSTRUCTOR, "parent", "null for the province, the top of the hierarchy")
                .nullable(StatusChange.class, CONSTRUCTOR, "from", "null for the first entry, when the targets were set")
                .nullable(BudgetStatusChanged.class, CONSTRUCTOR, "from", "null when the targets were set")
                .nullable(LedgerEntry.class, CONSTRUCTOR, "note", "null when an entry needs no explanation")
                .nullable(CommitmentBooked.class, CONSTRUCTOR, "replaces", "null when the document replaces no commitment")
                .nullable(ActualRecorded.class, CONSTRUCTOR, "replaces", "null when the invoice replaces no commitment")
                .nullable(Budget.class, "bookCommitment", "replaces", "null when the document replaces no commitment")
                .nullable(Budget.class, "recordActual", "replaces", "null when the invoice replaces no commitment")
                .nullable(Challenge.class, CONSTRUCTOR, "answer", "null while the challenge awaits its answer")
                .nullable(Challenge.class, CONSTRUCTOR, "answeredBy", "null while the challenge awaits its answer")
                .nullable(Challenge.class, CONSTRUCTOR, "answeredAt", "null while the challenge awaits its answer")
                .alias(BudgetId.class, CONSTRUCTOR, "value", "budgetId", idReason)
                .alias(BudgetLineId.class, CONSTRUCTOR, "value", "budgetLineId", idReason)
                .alias(CommitmentId.class, CONSTRUCTOR, "value", "commitmentId", idReason)
                .alias(OrgUnitId.class, CONSTRUCTOR, "value", "orgUnitId", idReason);
        dev.keyline.domain.budget.CapexSamples.register(tester);
        dev.keyline.domain.billing.BillingSamples.register(tester);

        // KPIs
        dev.keyline.domain.kpi.KpiSamples.register(tester);

        // KPIs
        tester.alias(dev.keyline.domain.kpi.KpiId.class, CONSTRUCTOR, "value", "kpiId", idReason)
                .alias(dev.keyline.domain.kpi.KpiId.class, "of", "value", "kpiId", idReason)
                .alias(dev.keyline.domain.kpi.KpiUnit.class, CONSTRUCTOR, "value", "unit", idReason);

        // staff
        dev.keyline.domain.staff.StaffSamples.register(tester);

        tester.check("dev.keyline.domain").assertClean();
    }
}
