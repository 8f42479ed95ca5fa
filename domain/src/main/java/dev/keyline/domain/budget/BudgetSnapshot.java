package dev.keyline.domain.budget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link Budget}. Built by {@link Budget#snapshot()} or by a storage provider
 * from its rows; it is not validated here, {@link Budget#restore(BudgetSnapshot)} does that.
 *
 * @param id the budget's id
 * @param version the stored version
 * @param targets what the province fixed
 * @param status the current status
 * @param lines the lines, in the order planned
 * @param history every status change, oldest first
 * @param challenges every challenge, by number
 * @param revisions every approved revision, by number
 * @param ledger the commitment ledger, by sequence
 * @param reachedShares the alert shares each line has reached
 */
public record BudgetSnapshot(BudgetId id, long version, BudgetTargets targets, BudgetStatus status,
        List<BudgetLine> lines, List<StatusChange> history, List<Challenge> challenges, List<Revision> revisions,
        List<LedgerEntry> ledger, List<ReachedShare> reachedShares) {

    /**
     * Copies the lists into unmodifiable lists (keeping any null, for restore to reject).
     *
     * @param id the budget's id
     * @param version the stored version
     * @param targets what the province fixed
     * @param status the current status
     * @param lines the lines, in the order planned
     * @param history every status change, oldest first
     * @param challenges every challenge, by number
     * @param revisions every approved revision, by number
     * @param ledger the commitment ledger, by sequence
     * @param reachedShares the alert shares each line has reached
     */
    public BudgetSnapshot {
        lines = copy(lines);
        history = copy(history);
        challenges = copy(challenges);
        revisions = copy(revisions);
        ledger = copy(ledger);
        reachedShares = copy(reachedShares);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
