package dev.keyline.spi.staff;

import dev.keyline.domain.staff.IncentiveLedger;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.spi.AggregateRepository;

/**
 * The incentive ledgers: each with every incentive table it had and every incentive it recorded,
 * both append-only. Saving follows {@link AggregateRepository}.
 */
public interface IncentiveLedgerRepository extends AggregateRepository<IncentiveLedger, IncentiveLedgerId> {
}
