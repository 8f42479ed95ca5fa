package dev.keyline.domain.priority;

import dev.keyline.domain.common.DomainEvent;

/** The events of a {@link PriorityRanking}. */
public sealed interface PriorityRankingEvent extends DomainEvent permits PriorityRankingRecorded {
}
