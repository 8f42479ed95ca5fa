package dev.keyline.spi.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFold;
import java.util.List;
import java.util.Optional;

/**
 * Billing's arrears facts (欠费记录): an append-only ledger of bills issued, paid and written off.
 * A fact is never changed or removed; there is deliberately no update and no delete.
 *
 * <p>Appending is idempotent, so that billing may send a batch again after a failure: a fact equal
 * to the stored fact of its id is skipped. Otherwise the call is rejected, and writes nothing, when
 * ({@link ArrearsFactAppend} holds the checks every provider applies)
 * <ul>
 *   <li>a fact's id is stored or appears earlier in the call with other content:
 *       {@code AlreadyExistsException} naming the id (a conflicting duplicate);</li>
 *   <li>a bill of the account is billed a second time under another fact id:
 *       {@code AlreadyExistsException} naming the bill;</li>
 *   <li>a payment or write-off names a bill of the account that is neither stored nor billed in the
 *       same call: {@code NotFoundException};</li>
 *   <li>a payment or write-off is dated before its bill, or is in another currency:
 *       {@code InvalidArgumentException};</li>
 *   <li>the payments and write-offs of a bill would add up to more than it billed:
 *       {@code InvalidStateException}.</li>
 * </ul>
 * So what is read back always folds ({@link ArrearsFold}) to outstanding amounts between zero and
 * the billed amount.
 */
public interface ArrearsFactRepository {

    /**
     * Appends one fact, with the checks described on the type.
     *
     * @param fact the fact
     * @return true when it was written, false when an equal fact was already stored
     */
    boolean append(ArrearsFact fact);

    /**
     * Appends facts all together or not at all, with the checks described on the type; an empty
     * list does nothing.
     *
     * @param facts the facts, in any order (a payment may come before its bill)
     * @return how many facts were written (equal facts already stored are not counted)
     */
    int appendAll(List<ArrearsFact> facts);

    /**
     * The fact with this id.
     *
     * @param id the fact id
     * @return the fact, or empty when none is stored
     */
    Optional<ArrearsFact> find(ArrearsFactId id);

    /**
     * Every fact of one account.
     *
     * @param account the account
     * @return the facts ordered by date, then fact id
     */
    List<ArrearsFact> byAccount(AccountId account);
}
