package dev.keyline.spi.account;

import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of an append to the spend-fact ledger that {@link SpendFactRepository} describes,
 * written once so that every provider applies them alike: a provider hands in the facts and two
 * bulk look-ups of what it has stored, and gets the facts back in an order it can insert them in
 * (every correction after the fact it corrects), or the exception that rejects the whole call.
 */
public final class SpendFactAppend {

    private SpendFactAppend() {
    }

    /**
     * Checks facts to be appended against each other and against the stored ledger.
     *
     * @param facts the facts of one append call, in any order
     * @param storedFacts given a set of fact ids, the stored facts among them (ids not stored are
     *     simply absent from the map)
     * @param storedCorrections given a set of fact ids, for each one that a stored fact corrects,
     *     the id of that correcting fact
     * @return the same facts, ordered so that each correction comes after the fact it corrects
     *     when that fact is in the call; otherwise in the given order
     * @throws AlreadyExistsException when a fact's id is stored or appears twice in the call
     * @throws NotFoundException when a correction names a fact neither stored nor in the call
     * @throws InvalidArgumentException when a correction names a fact of another account, network
     *     or month, was recorded before it, or corrections in the call form a cycle
     * @throws InvalidStateException when a correction names a fact already corrected
     */
    public static List<SpendFact> check(List<SpendFact> facts,
            Function<Set<SpendFactId>, Map<SpendFactId, SpendFact>> storedFacts,
            Function<Set<SpendFactId>, Map<SpendFactId, SpendFactId>> storedCorrections) {
        List<SpendFact> given = Require.nonNullElements(facts, "facts");
        Require.nonNull(storedFacts, "storedFacts");
        Require.nonNull(storedCorrections, "storedCorrections");
        if (given.isEmpty()) {
            return List.of();
        }
        Map<SpendFactId, SpendFact> inCall = new LinkedHashMap<>();
        for (SpendFact fact : given) {
            if (inCall.putIfAbsent(fact.id(), fact) != null) {
                throw new AlreadyExistsException("spend fact " + fact.id() + " appears twice in one append");
            }
        }
        Set<SpendFactId> targets = new HashSet<>();
        for (SpendFact fact : given) {
            fact.corrects().ifPresent(targets::add);
        }
        Set<SpendFactId> lookUp = new HashSet<>(inCall.keySet());
        lookUp.addAll(targets);
        Map<SpendFactId, SpendFact> stored = Require.nonNull(storedFacts.apply(Set.copyOf(lookUp)), "storedFacts result");
        for (SpendFact fact : given) {
            if (stored.containsKey(fact.id())) {
                throw new AlreadyExistsException("spend fact " + fact.id() + " already exists; facts are never "
                        + "overwritten, a correction is a new fact");
            }
        }
        if (targets.isEmpty()) {
            // no corrections: nothing to order or to check against the corrections stored
            return List.copyOf(given);
        }
        Map<SpendFactId, SpendFactId> alreadyCorrected = targets.isEmpty() ? Map.of()
                : Require.nonNull(storedCorrections.apply(Set.copyOf(targets)), "storedCorrections result");
        Map<SpendFactId, SpendFactId> correctedInCall = new HashMap<>();
        for (SpendFact fact : given) {
            if (fact.corrects().isEmpty()) {
                continue;
            }
            SpendFactId targetId = fact.corrects().get();
            SpendFact target = inCall.containsKey(targetId) ? inCall.get(targetId) : stored.get(targetId);
            if (target == null) {
                throw new NotFoundException("spend fact " + fact.id() + " corrects fact " + targetId
                        + ", which is neither stored nor appended with it");
            }
            checkCorrection(fact, target);
            SpendFactId correctedBy = alreadyCorrected.get(targetId);
            if (correctedBy != null) {
                throw new InvalidStateException("spend fact " + targetId + " is already corrected by " + correctedBy
                        + "; correction " + fact.id() + " must correct the latest fact of its chain");
            }
            SpendFactId other = correctedInCall.putIfAbsent(targetId, fact.id());
            if (other != null) {
                throw new InvalidStateException("spend fact " + targetId + " is corrected by both " + other + " and "
                        + fact.id() + "; a correction must correct the latest fact of its chain");
            }
        }
        return insertionOrder(given, inCall);
    }

    private static void checkCorrection(SpendFact fact, SpendFact target) {
        if (!target.account().equals(fact.account()) || !target.network().equals(fact.network())
                || !target.month().equals(fact.month())) {
            throw new InvalidArgumentException("facts", "spend fact " + fact.id() + " (" + fact.account() + ", "
                    + fact.network() + ", " + fact.month() + ") corrects fact " + target.id() + " of another account, "
                    + "network or month (" + target.account() + ", " + target.network() + ", " + target.month() + ")");
        }
        if (fact.recordedAt().isBefore(target.recordedAt())) {
            throw new InvalidArgumentException("facts", "spend fact " + fact.id() + " was recorded at "
                    + fact.recordedAt() + ", before the fact " + target.id() + " it corrects (" + target.recordedAt() + ")");
        }
    }

    /** The facts with every correction after the fact of the call it corrects; a cycle is rejected. */
    private static List<SpendFact> insertionOrder(List<SpendFact> given, Map<SpendFactId, SpendFact> inCall) {
        List<SpendFact> ordered = new ArrayList<>(given.size());
        Set<SpendFactId> placed = new HashSet<>();
        List<SpendFact> waiting = new ArrayList<>(given);
        while (!waiting.isEmpty()) {
            List<SpendFact> stillWaiting = new ArrayList<>();
            for (SpendFact fact : waiting) {
                SpendFactId target = fact.corrects().orElse(null);
                if (target == null || !inCall.containsKey(target) || placed.contains(target)) {
                    ordered.add(fact);
                    placed.add(fact.id());
                } else {
                    stillWaiting.add(fact);
                }
            }
            if (stillWaiting.size() == waiting.size()) {
                throw new InvalidArgumentException("facts", "the corrections of spend facts "
                        + stillWaiting.stream().map(f -> f.id().value()).toList() + " form a cycle");
            }
            waiting = stillWaiting;
        }
        return List.copyOf(ordered);
    }
}
