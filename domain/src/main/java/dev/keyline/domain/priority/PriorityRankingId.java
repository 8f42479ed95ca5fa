package dev.keyline.domain.priority;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;

/**
 * The id of the {@link PriorityRanking} of one period and segment, for example
 * {@code 2026-Q1.all}, {@code 2026-Q1.industry:FINANCE} or {@code 2026-03.product:DDN}: there is at
 * most one ranking per period and segment.
 *
 * @param value the id text
 */
public record PriorityRankingId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code priorityRankingId}
     *     when the text is not a valid identifier
     */
    public PriorityRankingId {
        Identifier.check(value, "priorityRankingId");
    }

    /**
     * The id of the ranking of a period and segment.
     *
     * @param period the period
     * @param segment the segment
     * @return the id
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null or the
     *     segment's text makes the id too long
     */
    public static PriorityRankingId of(Period period, Segment segment) {
        Require.nonNull(period, "period");
        Require.nonNull(segment, "segment");
        return new PriorityRankingId(period + "." + segment.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
