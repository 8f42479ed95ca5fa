package dev.keyline.domain.resource;

import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.common.KeylineException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for spare parts: random commands on a {@link SpareStock}, with small
 * quantities (zero and negative ones included, to be refused) and references from a pool of three,
 * so that commands often collide with what is reserved. Public so that other modules' tests
 * (through the domain test-jar) can reuse them.
 */
public final class SpareGenerators {

    /** The instant generated commands start from. */
    public static final Instant EPOCH = Instant.parse("2026-03-02T01:00:00Z");

    /** The references generated reservations use. */
    public static final List<SpareReservationRef> REFS = List.of(new SpareReservationRef("FT-1"),
            new SpareReservationRef("FT-2"), new SpareReservationRef("ORD-3"));

    private SpareGenerators() {
    }

    /** What a generated command does. */
    public enum Kind {
        /** {@link SpareStock#receive}. */
        RECEIVE,
        /** {@link SpareStock#reserve}. */
        RESERVE,
        /** {@link SpareStock#releaseReservation}. */
        RELEASE,
        /** {@link SpareStock#issueReserved}. */
        ISSUE_RESERVED,
        /** {@link SpareStock#issueDirectly}. */
        ISSUE_DIRECTLY,
        /** {@link SpareStock#returnUnused}. */
        RETURN_UNUSED,
        /** {@link SpareStock#returnFaulty}. */
        RETURN_FAULTY,
        /** {@link SpareStock#repairDone}. */
        REPAIR_DONE,
        /** {@link SpareStock#scrap} from on hand. */
        SCRAP_ON_HAND,
        /** {@link SpareStock#scrap} from repair. */
        SCRAP_UNDER_REPAIR,
        /** {@link SpareStock#setMinimum}. */
        SET_MINIMUM,
        /** {@link SpareStock#checkMinimum}. */
        CHECK
    }

    /**
     * One generated command.
     *
     * @param kind what it does
     * @param ref the index of its reference in {@link #REFS}
     * @param quantity its quantity (or minimum level), from -1 to 12
     * @param days for a check, how many days after the last generated day it runs (-1 to 2)
     */
    public record SpareCommand(Kind kind, int ref, long quantity, int days) {

        /** The command's reference. */
        public SpareReservationRef reference() {
            return REFS.get(ref);
        }

        /**
         * Runs the command on a stock.
         *
         * @param stock the stock
         * @param at when
         * @param day the day of a check
         */
        public void applyTo(SpareStock stock, Instant at, LocalDate day) {
            switch (kind) {
                case RECEIVE -> stock.receive(quantity, at);
                case RESERVE -> stock.reserve(reference(), quantity, at);
                case RELEASE -> stock.releaseReservation(reference(), quantity, at);
                case ISSUE_RESERVED -> stock.issueReserved(reference(), quantity, at);
                case ISSUE_DIRECTLY -> stock.issueDirectly(quantity, at);
                case RETURN_UNUSED -> stock.returnUnused(quantity, at);
                case RETURN_FAULTY -> stock.returnFaulty(quantity, at);
                case REPAIR_DONE -> stock.repairDone(quantity, at);
                case SCRAP_ON_HAND -> stock.scrap(SpareScrapSource.ON_HAND, quantity, "obsolete", at);
                case SCRAP_UNDER_REPAIR -> stock.scrap(SpareScrapSource.UNDER_REPAIR, quantity, "beyond repair", at);
                case SET_MINIMUM -> stock.setMinimum(quantity, at);
                case CHECK -> stock.checkMinimum(day, at);
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
    }

    /** Random commands, receipts a little more often so that stocks fill up. */
    public static Gen<SpareCommand> commands() {
        Gen<Kind> kinds = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(3, Generate.constant(Kind.RECEIVE)),
                org.quicktheories.api.Pair.of(8, Generate.enumValues(Kind.class))));
        return kinds.zip(integers().between(0, REFS.size() - 1), integers().between(-1, 12), integers().between(-1, 2),
                (kind, ref, quantity, days) -> new SpareCommand(kind, ref, quantity, days));
    }

    /**
     * Runs commands on a stock one minute apart, each check on the day its {@code days} gives,
     * ignoring the refused ones.
     *
     * @param stock the stock
     * @param commands the commands
     * @return the stock
     */
    public static SpareStock applied(SpareStock stock, List<SpareCommand> commands) {
        Instant at = EPOCH;
        LocalDate day = LocalDate.ofInstant(EPOCH, ZoneOffset.UTC);
        for (SpareCommand command : commands) {
            at = at.plus(Duration.ofMinutes(1));
            LocalDate checkDay = day.plusDays(command.days());
            try {
                command.applyTo(stock, at, checkDay);
                if (command.kind() == Kind.CHECK) {
                    day = checkDay.isAfter(day) ? checkDay : day;
                }
            } catch (KeylineException refused) {
                // a refused command changes nothing
            }
        }
        return stock;
    }
}
