package dev.keyline.spi.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.EffectiveSpend;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Billing's monthly spend facts (月消费记录) of key accounts: an append-only ledger. A fact is never
 * changed or removed; billing corrects a fact by appending a new fact that names it
 * ({@link SpendFact#corrects()}). There is deliberately no update and no delete.
 *
 * <p>Appending keeps the ledger one that {@link EffectiveSpend} accepts, so that whatever is read
 * back adds up. A call is rejected, and writes nothing, when
 * <ul>
 *   <li>a fact's id is already stored, or appears twice in the call:
 *       {@code AlreadyExistsException} naming the id;</li>
 *   <li>a correction names a fact that is neither stored nor in the same call:
 *       {@code NotFoundException} naming both facts;</li>
 *   <li>a correction names a fact of another account, network or month, or was recorded before
 *       it, or corrections in the call form a cycle: {@code InvalidArgumentException};</li>
 *   <li>a correction names a fact that is already corrected (stored or in the same call): a
 *       correction must correct the latest fact of its chain, {@code InvalidStateException}.</li>
 * </ul>
 * Within one call a correction may come before the fact it corrects.
 *
 * <p>Reads return the facts exactly as appended; a database provider keeps instants to the
 * microsecond.
 */
public interface SpendFactRepository {

    /**
     * Appends one fact, with the checks described on the type.
     *
     * @param fact the fact
     */
    void append(SpendFact fact);

    /**
     * Appends facts all together or not at all, with the checks described on the type; an empty
     * list does nothing.
     *
     * @param facts the facts, in any order
     */
    void appendAll(List<SpendFact> facts);

    /**
     * The fact with this id.
     *
     * @param id the fact id
     * @return the fact, or empty when none is stored
     */
    Optional<SpendFact> find(SpendFactId id);

    /**
     * Every fact of one account, corrections included.
     *
     * @param account the account
     * @return the facts ordered by month, then recording time, then fact id
     */
    List<SpendFact> byAccount(AccountId account);

    /**
     * The facts of one account in a range of months, corrections included (a correction always
     * has the month of the fact it corrects, so every correction chain is complete).
     *
     * @param account the account
     * @param from the first month, inclusive
     * @param to the last month, inclusive; not before {@code from}
     * @return the facts ordered by month, then recording time, then fact id
     */
    List<SpendFact> byAccountAndMonths(AccountId account, YearMonth from, YearMonth to);

    /**
     * The facts billed by one local network in a range of months, corrections included: the input
     * of a classification run or of the network's KPIs.
     *
     * @param network the local network
     * @param from the first month, inclusive
     * @param to the last month, inclusive; not before {@code from}
     * @return a stream ordered by account id, then month, then recording time, then fact id;
     *     close it after use
     */
    Stream<SpendFact> byNetworkAndMonths(LocalNetworkId network, YearMonth from, YearMonth to);
}
