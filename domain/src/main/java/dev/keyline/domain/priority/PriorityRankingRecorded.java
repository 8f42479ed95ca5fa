package dev.keyline.domain.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;

import java.time.Instant;
import java.util.List;

/**
 * A period's customer-priority ranking of one segment was recorded; type {@value #TYPE}. It carries
 * the accounts in rank order, so that a host can refresh its service priorities from the event alone.
 *
 * @param eventId the event's id
 * @param occurredAt when it was recorded
 * @param ranking the ranking's id
 * @param period the period ranked
 * @param segment the segment's key ({@link Segment#key()})
 * @param accounts the accounts, first rank first
 */
public record PriorityRankingRecorded(EventId eventId, Instant occurredAt, PriorityRankingId ranking, Period period,
        String segment, List<AccountId> accounts) implements PriorityRankingEvent {

    /** The stable event type. */
    public static final String TYPE = "priority.ranking-recorded";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it was recorded
     * @param ranking the ranking's id
     * @param period the period ranked
     * @param segment the segment's key ({@link Segment#key()})
     * @param accounts the accounts, first rank first
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or blank, or the accounts hold null
     */
    public PriorityRankingRecorded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ranking, "ranking");
        Require.nonNull(period, "period");
        Require.nonBlank(segment, "segment");
        accounts = Require.nonNullElements(accounts, "accounts");
    }

    @Override
    public String aggregateId() {
        return ranking.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Priority ranking " + period + " " + segment + " recorded: " + accounts.size() + " accounts");
    }
}
