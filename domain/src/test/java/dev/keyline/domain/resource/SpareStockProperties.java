package dev.keyline.domain.resource;

import static dev.keyline.domain.resource.SpareGenerators.EPOCH;
import static dev.keyline.domain.resource.SpareGenerators.commands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.resource.SpareGenerators.SpareCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences on a {@link SpareStock}, checked against a model written apart from it:
 * every command is accepted or refused exactly as the model says, with the exception the model
 * names; after every step nothing is negative, reserved ≤ on hand, and the units conserve (on hand
 * + under repair moves by exactly what came in less what went out); a refused command leaves the
 * snapshot and the pending events as they were; and the snapshot round-trips through restore.
 */
class SpareStockProperties {

    private static final SpareStockId STOCK = new SpareStockId("SZ-CENTRAL:OPT-10G");

    /** The model: plain counters and a map, updated by the rules as the docs state them. */
    private static final class Model {
        long onHand;
        long underRepair;
        long minimum;
        final Map<String, Long> reservations = new TreeMap<>();
        LocalDate lastDay;
        long unitsIn;
        long unitsOut;

        long reserved() {
            return reservations.values().stream().mapToLong(Long::longValue).sum();
        }

        long available() {
            return onHand - reserved();
        }

        long held(SpareReservationRef ref) {
            return reservations.getOrDefault(ref.value(), 0L);
        }

        void take(SpareReservationRef ref, long quantity) {
            long left = held(ref) - quantity;
            if (left == 0) {
                reservations.remove(ref.value());
            } else {
                reservations.put(ref.value(), left);
            }
        }

        /** The exception the command must fail with, or null when it must succeed (and then applies it). */
        Class<? extends KeylineException> apply(SpareCommand c, LocalDate day) {
            long q = c.quantity();
            SpareReservationRef ref = c.reference();
            switch (c.kind()) {
                case SET_MINIMUM -> {
                    if (q < 0) {
                        return InvalidArgumentException.class;
                    }
                    minimum = q;
                    return null;
                }
                case CHECK -> {
                    if (lastDay != null && day.isBefore(lastDay)) {
                        return InvalidArgumentException.class;
                    }
                    if (available() < minimum && !day.equals(lastDay)) {
                        lastDay = day;
                    }
                    return null;
                }
                default -> {
                    // every other command moves units
                }
            }
            if (q <= 0) {
                return InvalidArgumentException.class;
            }
            switch (c.kind()) {
                case RECEIVE -> {
                    onHand += q;
                    unitsIn += q;
                }
                case RESERVE -> {
                    if (q > available()) {
                        return InsufficientCapacityException.class;
                    }
                    reservations.merge(ref.value(), q, Long::sum);
                }
                case RELEASE -> {
                    if (q > held(ref)) {
                        return InvalidStateException.class;
                    }
                    take(ref, q);
                }
                case ISSUE_RESERVED -> {
                    if (q > held(ref)) {
                        return InvalidStateException.class;
                    }
                    take(ref, q);
                    onHand -= q;
                    unitsOut += q;
                }
                case ISSUE_DIRECTLY, SCRAP_ON_HAND -> {
                    if (q > available()) {
                        return InsufficientCapacityException.class;
                    }
                    onHand -= q;
                    unitsOut += q;
                }
                case RETURN_UNUSED -> {
                    onHand += q;
                    unitsIn += q;
                }
                case RETURN_FAULTY -> {
                    underRepair += q;
                    unitsIn += q;
                }
                case REPAIR_DONE -> {
                    if (q > underRepair) {
                        return InvalidStateException.class;
                    }
                    underRepair -= q;
                    onHand += q;
                }
                case SCRAP_UNDER_REPAIR -> {
                    if (q > underRepair) {
                        return InvalidStateException.class;
                    }
                    underRepair -= q;
                    unitsOut += q;
                }
                default -> throw new IllegalStateException("unhandled " + c.kind());
            }
            return null;
        }
    }

    @Test
    void randomCommandsKeepEveryInvariantAndFollowTheModel() {
        qt().withExamples(1000).forAll(lists().of(commands()).ofSizeBetween(0, 40)).checkAssert(commands -> {
            SpareStock stock = SpareStock.create(STOCK);
            Model model = new Model();
            Instant at = EPOCH;
            LocalDate lastDay = LocalDate.ofInstant(EPOCH, ZoneOffset.UTC);
            for (SpareCommand command : commands) {
                at = at.plus(Duration.ofMinutes(1));
                LocalDate day = lastDay.plusDays(command.days());
                SpareStockSnapshot before = stock.snapshot();
                List<DomainEvent> eventsBefore = stock.pendingEvents();
                LocalDate modelDayBefore = model.lastDay;
                Class<? extends KeylineException> expected = model.apply(command, day);
                try {
                    command.applyTo(stock, at, day);
                    assertThat(expected).as("%s must be refused", command).isNull();
                    boolean raises = command.kind() != SpareGenerators.Kind.CHECK
                            || (model.lastDay != null && !model.lastDay.equals(modelDayBefore));
                    assertThat(stock.pendingEvents()).as("events after %s", command)
                            .hasSize(eventsBefore.size() + (raises ? 1 : 0));
                    if (raises) {
                        DomainEvent raised = stock.pendingEvents().get(eventsBefore.size());
                        assertThat(raised.type()).startsWith("resource.spare-");
                        assertThat(raised.aggregateId()).isEqualTo(STOCK.value());
                        assertThat(raised.occurredAt()).isEqualTo(at);
                    }
                    if (command.kind() == SpareGenerators.Kind.CHECK && day.isAfter(lastDay)) {
                        lastDay = day;
                    }
                } catch (KeylineException refused) {
                    assertThat(expected).as("%s must be accepted, was refused with %s", command, refused).isNotNull();
                    assertThat(refused).isInstanceOf(expected);
                    assertThat(stock.snapshot()).as("a refused command changes nothing").isEqualTo(before);
                    assertThat(stock.pendingEvents()).isEqualTo(eventsBefore);
                }
                checkInvariants(stock, model);
            }
            assertThat(SpareStock.restore(stock.snapshot()).snapshot()).isEqualTo(stock.snapshot());
        });
    }

    @Test
    void restoreRejectsEveryBrokenInvariant() {
        qt().withExamples(300).forAll(lists().of(commands()).ofSizeBetween(0, 30)).checkAssert(commands -> {
            SpareStockSnapshot good = SpareGenerators.applied(SpareStock.create(STOCK), commands).snapshot();
            assertThat(SpareStock.restore(good).snapshot()).isEqualTo(good);
            List<SpareStockSnapshot> corrupt = new ArrayList<>();
            corrupt.add(new SpareStockSnapshot(null, good.version(), good.onHand(), good.underRepair(), good.minimum(),
                    good.reservations(), good.lastBelowMinimumDay()));
            corrupt.add(new SpareStockSnapshot(good.id(), -1, good.onHand(), good.underRepair(), good.minimum(),
                    good.reservations(), good.lastBelowMinimumDay()));
            corrupt.add(new SpareStockSnapshot(good.id(), good.version(), -1, good.underRepair(), good.minimum(),
                    good.reservations(), good.lastBelowMinimumDay()));
            corrupt.add(new SpareStockSnapshot(good.id(), good.version(), good.onHand(), -1, good.minimum(),
                    good.reservations(), good.lastBelowMinimumDay()));
            corrupt.add(new SpareStockSnapshot(good.id(), good.version(), good.onHand(), good.underRepair(),
                    SpareStock.MAX_QUANTITY + 1, good.reservations(), good.lastBelowMinimumDay()));
            corrupt.add(new SpareStockSnapshot(good.id(), good.version(), good.onHand(), good.underRepair(), good.minimum(),
                    null, good.lastBelowMinimumDay()));
            List<SpareReservation> tooMuch = new ArrayList<>(good.reservations());
            tooMuch.add(new SpareReservation(new SpareReservationRef("EXTRA"), good.onHand() + 1));
            corrupt.add(new SpareStockSnapshot(good.id(), good.version(), good.onHand(), good.underRepair(), good.minimum(),
                    tooMuch, good.lastBelowMinimumDay()));
            List<SpareReservation> withNull = new ArrayList<>(good.reservations());
            withNull.add(null);
            corrupt.add(new SpareStockSnapshot(good.id(), good.version(), good.onHand(), good.underRepair(), good.minimum(),
                    withNull, good.lastBelowMinimumDay()));
            if (!good.reservations().isEmpty()) {
                List<SpareReservation> twice = new ArrayList<>(good.reservations());
                twice.add(new SpareReservation(good.reservations().get(0).ref(), 1));
                corrupt.add(new SpareStockSnapshot(good.id(), good.version(), good.onHand() + 1, good.underRepair(),
                        good.minimum(), twice, good.lastBelowMinimumDay()));
            }
            for (SpareStockSnapshot bad : corrupt) {
                assertThatThrownBy(() -> SpareStock.restore(bad)).as("restore of %s", bad)
                        .isInstanceOf(CorruptStateException.class);
            }
        });
    }

    private static void checkInvariants(SpareStock stock, Model model) {
        assertThat(stock.onHand()).isEqualTo(model.onHand).isNotNegative();
        assertThat(stock.underRepair()).isEqualTo(model.underRepair).isNotNegative();
        assertThat(stock.reserved()).isEqualTo(model.reserved()).isNotNegative().isLessThanOrEqualTo(stock.onHand());
        assertThat(stock.available()).isEqualTo(stock.onHand() - stock.reserved()).isNotNegative();
        assertThat(stock.minimum()).isEqualTo(model.minimum);
        assertThat(stock.lastBelowMinimumDay()).isEqualTo(java.util.Optional.ofNullable(model.lastDay));
        assertThat(stock.reservations()).allSatisfy(r -> assertThat(r.quantity()).isPositive());
        assertThat(stock.reservations().stream().mapToLong(SpareReservation::quantity).sum()).isEqualTo(stock.reserved());
        for (SpareReservation r : stock.reservations()) {
            assertThat(model.held(r.ref())).isEqualTo(r.quantity());
        }
        assertThat(stock.onHand() + stock.underRepair()).as("units conserve: in less out")
                .isEqualTo(model.unitsIn - model.unitsOut);
    }
}
