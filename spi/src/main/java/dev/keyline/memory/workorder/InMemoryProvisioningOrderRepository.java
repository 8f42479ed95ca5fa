package dev.keyline.memory.workorder;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.spi.workorder.ProvisioningStageDue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The provisioning orders of an {@link InMemoryStorage}, with their stages and hand-offs. */
final class InMemoryProvisioningOrderRepository
        extends InMemoryAggregateRepository<ProvisioningOrder, ProvisioningOrderId, ProvisioningOrderSnapshot>
        implements ProvisioningOrderRepository {

    private static final Comparator<ProvisioningStageDue> BY_DUE_TIME = Comparator.comparing(ProvisioningStageDue::dueAt)
            .thenComparing(d -> d.order().value()).thenComparing(d -> d.stage().value());

    InMemoryProvisioningOrderRepository(InMemoryStorage storage) {
        super(storage, "provisioning order", ProvisioningOrderSnapshot.class, ProvisioningOrder::snapshot,
                ProvisioningOrder::restore);
    }

    @Override
    public Stream<ProvisioningOrder> openDueBy(Instant dueBy) {
        Require.nonNull(dueBy, "dueBy");
        return table().scan(s -> s.state() != ProvisioningOrderState.ACCEPTED && !s.committedCompletion().isAfter(dueBy))
                .sorted(Comparator.comparing(ProvisioningOrderSnapshot::committedCompletion).thenComparing(s -> s.id().value()))
                .map(this::restore);
    }

    @Override
    public List<ProvisioningStageDue> overdueStages(Instant now) {
        Require.nonNull(now, "now");
        return due(s -> !s.escalated() && !s.due().isAfter(now), StageProgress::due);
    }

    @Override
    public List<ProvisioningStageDue> warningsDueBy(Instant instant) {
        Require.nonNull(instant, "instant");
        return due(s -> !s.warned() && !s.warningAt().isAfter(instant), StageProgress::warningAt);
    }

    @Override
    public Stream<ProvisioningOrder> acceptedBetween(Instant from, Instant to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
        return table().scan(s -> s.acceptedAt() != null && !s.acceptedAt().isBefore(from) && s.acceptedAt().isBefore(to))
                .sorted(Comparator.comparing(ProvisioningOrderSnapshot::acceptedAt).thenComparing(s -> s.id().value()))
                .map(this::restore);
    }

    private List<ProvisioningStageDue> due(Predicate<StageProgress> when, Function<StageProgress, Instant> time) {
        return table().scan(s -> s.state() != ProvisioningOrderState.ACCEPTED)
                .flatMap(order -> order.stages().stream().filter(s -> s.state() == StageState.STARTED).filter(when)
                        .map(s -> new ProvisioningStageDue(order.id(), s.stage(), time.apply(s))))
                .sorted(BY_DUE_TIME).toList();
    }
}
