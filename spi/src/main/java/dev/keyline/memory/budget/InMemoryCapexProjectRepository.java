package dev.keyline.memory.budget;

import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.budget.CapexTransition;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.budget.CapexProjectRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The CAPEX projects of an {@link InMemoryStorage}, with their history, bookings and capacity. */
final class InMemoryCapexProjectRepository
        extends InMemoryAggregateRepository<CapexProject, CapexProjectId, CapexProjectSnapshot>
        implements CapexProjectRepository {

    private static final Comparator<CapexProjectSnapshot> BY_PROPOSAL = Comparator
            .comparing((CapexProjectSnapshot s) -> s.history().get(0).at()).thenComparing(s -> s.id().value());

    InMemoryCapexProjectRepository(InMemoryStorage storage) {
        super(storage, "CAPEX project", CapexProjectSnapshot.class, CapexProject::snapshot, CapexProject::restore);
    }

    @Override
    public void save(CapexProject aggregate) {
        Require.nonNull(aggregate, "aggregate");
        CapexProject project = aggregate;
        if (project.version() == 0 && project.request().isPresent()) {
            CapexRequestRef request = project.request().get();
            table().scan(s -> request.equals(s.request()) && !s.id().equals(project.id())).findFirst().ifPresent(s -> {
                throw new AlreadyExistsException("CAPEX project " + s.id() + " already answers investment request "
                        + request + "; project " + project.id() + " was not saved");
            });
        }
        super.save(project);
    }

    @Override
    public Optional<CapexProject> findByRequest(CapexRequestRef request) {
        Require.nonNull(request, "request");
        return table().scan(s -> request.equals(s.request())).findFirst().map(this::restore);
    }

    @Override
    public List<CapexProject> byStage(CapexStage stage) {
        Require.nonNull(stage, "stage");
        return table().scan(s -> s.stage() == stage).sorted(BY_PROPOSAL).map(this::restore).toList();
    }

    @Override
    public List<CapexProject> acceptedBetween(Instant from, Instant to) {
        requireRange(from, to);
        return table().scan(s -> acceptedAt(s).filter(at -> !at.isBefore(from) && at.isBefore(to)).isPresent())
                .sorted(Comparator.comparing((CapexProjectSnapshot s) -> acceptedAt(s).orElseThrow())
                        .thenComparing(s -> s.id().value()))
                .map(this::restore).toList();
    }

    @Override
    public long linesAddedBetween(Instant from, Instant to) {
        return acceptedBetween(from, to).stream().mapToLong(CapexProject::linesAdded).sum();
    }

    @Override
    public Stream<CapexProject> overdueAt(Instant at) {
        Require.nonNull(at, "at");
        return table().scan(s -> true).map(this::restore).filter(p -> p.isOverdueAt(at))
                .sorted(Comparator.comparing((CapexProject p) -> p.dueAt().orElseThrow())
                        .thenComparing(p -> p.id().value()));
    }

    private static Optional<Instant> acceptedAt(CapexProjectSnapshot s) {
        return s.history().stream().filter(t -> t.to() == CapexStage.ACCEPTED).map(CapexTransition::at).findFirst();
    }

    private static void requireRange(Instant from, Instant to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
    }
}
