package dev.keyline.domain.staff;

import dev.keyline.domain.common.DomainEvent;

/** An event raised by an {@link IncentiveLedger}. Its aggregate id is the ledger's id. */
public sealed interface IncentiveLedgerEvent extends DomainEvent permits IncentiveTableChanged, IncentiveAwarded {

    /** {@return the ledger concerned} */
    IncentiveLedgerId ledger();

    @Override
    default String aggregateId() {
        return ledger().value();
    }
}
