package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The commitments and actuals on a budget line reached a configured share of its issued amount (for example 80 % or 100 %); raised once per line and share; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param line the line
 * @param share the share reached, for example 0.8
 * @param used the commitments and actuals
 * @param issued the issued amount
 */
public record BudgetShareReached(EventId eventId, Instant occurredAt, BudgetId budget, BudgetLineId line, BigDecimal share, Money used, Money issued) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.share-reached";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param line the line
     * @param share the share reached, for example 0.8
     * @param used the commitments and actuals
     * @param issued the issued amount
     * @throws InvalidArgumentException naming the component when one is null or blank
     */
    public BudgetShareReached {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.nonNull(share, "share");
        Require.nonNull(used, "used");
        Require.nonNull(issued, "issued");
    }

    @Override
    public String aggregateId() {
        return budget.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Budget " + budget + " line " + line + " reached " + share.movePointRight(2).stripTrailingZeros().toPlainString() + " % of " + issued + " (used " + used + ")");
    }
}
