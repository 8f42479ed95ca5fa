package dev.keyline.memory.account;

import dev.keyline.memory.InMemoryTable;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.account.ClassificationResultRepository;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The classification results of an {@link InMemoryStorage}, keyed by network and run date. */
final class InMemoryClassificationResultRepository implements ClassificationResultRepository {

    /**
     * The key of one stored result.
     *
     * @param network the local network
     * @param runDate the run date
     */
    private record Run(LocalNetworkId network, LocalDate runDate) {

        @Override
        public String toString() {
            return network + " on " + runDate;
        }
    }

    private static final Comparator<ClassificationResult> BY_RUN_DATE = Comparator.comparing(ClassificationResult::runDate);

    private final InMemoryTable<Run, ClassificationResult> results;

    InMemoryClassificationResultRepository(InMemoryStorage storage) {
        this.results = storage.table("classification result", ClassificationResult.class);
    }

    @Override
    public void store(ClassificationResult result) {
        Require.nonNull(result, "result");
        Run run = new Run(result.network(), result.runDate());
        if (results.find(run).isPresent()) {
            throw new AlreadyExistsException("a classification result of network " + result.network() + " for the run of "
                    + result.runDate() + " already exists; stored results are never replaced");
        }
        results.insert(run, result);
    }

    @Override
    public Optional<ClassificationResult> find(LocalNetworkId network, LocalDate runDate) {
        Require.nonNull(network, "network");
        Require.nonNull(runDate, "runDate");
        return results.find(new Run(network, runDate));
    }

    @Override
    public Optional<ClassificationResult> latest(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return results.scan(r -> r.network().equals(network)).max(BY_RUN_DATE);
    }

    @Override
    public List<ClassificationResult> history(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return results.scan(r -> r.network().equals(network)).sorted(BY_RUN_DATE).toList();
    }
}
