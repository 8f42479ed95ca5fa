package dev.keyline.spi.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;

import java.util.List;
import java.util.Optional;

/**
 * Billing's revenue-and-profit facts (an append-only stream): never changed, never removed. Every
 * method needs a transaction of the provider.
 *
 * <p>Appending is idempotent by fact id: the same fact sent again (equal in every component) is
 * accepted and stores nothing; a fact whose id is stored with other content is refused with
 * {@code AlreadyExistsException} naming the id; a fact naming another industry than the stored
 * facts of its account and period is refused with {@code InvalidStateException}. A refused
 * append writes nothing.
 */
public interface AccountResultRepository {

    /**
     * Appends one fact, with the checks described on the type.
     *
     * @param fact the fact
     * @return true when it was stored, false when the same fact was stored already
     * @throws dev.keyline.domain.common.AlreadyExistsException when its id is stored with other content
     * @throws dev.keyline.domain.common.InvalidStateException when it names another industry than
     *     the stored facts of its account and period
     */
    boolean append(AccountResultFact fact);

    /**
     * The fact with this id.
     *
     * @param id the id
     * @return the fact, or empty when none is stored
     */
    Optional<AccountResultFact> find(AccountResultFactId id);

    /**
     * Every fact of a period.
     *
     * @param period the period
     * @return the facts ordered by account id, then recording time, then fact id
     */
    List<AccountResultFact> inPeriod(Period period);

    /**
     * The facts of one account in a period.
     *
     * @param account the account
     * @param period the period
     * @return the facts ordered by recording time, then fact id
     */
    List<AccountResultFact> ofAccount(AccountId account, Period period);
}
