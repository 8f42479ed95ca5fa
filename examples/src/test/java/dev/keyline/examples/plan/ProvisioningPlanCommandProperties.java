package dev.keyline.examples.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The {@code plan} command over random DAGs of up to seven stages, read back as JSON: the critical
 * path is a chain of stages, each a predecessor of the next, whose days sum to {@code totalDays};
 * {@code totalDays} is the longest chain found by trying every chain; the committed completion is
 * the start plus {@code totalDays} of 24 hours and no stage finishes after it; every stage starts
 * when its last predecessor finishes.
 */
class ProvisioningPlanCommandProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    /** Stage i has quarter days from the list and waits for the stages j &lt; i whose bit is set in its mask. */
    private record Dag(List<Integer> quarters, List<Integer> masks) {
        List<Integer> after(int i) {
            List<Integer> after = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if ((masks.get(i) >> j & 1) == 1) {
                    after.add(j);
                }
            }
            return after;
        }
    }

    private static Gen<Dag> dags() {
        return lists().of(integers().between(1, 40)).ofSizeBetween(1, 7)
                .zip(lists().of(integers().between(0, 127)).ofSize(7), Dag::new);
    }

    @Test
    void theCriticalPathIsTheLongestChainAndBoundsEveryStage() {
        qt().withExamples(120).forAll(dags()).checkAssert(dag -> {
            int n = dag.quarters().size();
            StringBuilder text = new StringBuilder("{\"stages\":[");
            // given in reverse, so the file's order is not a topological one
            for (int i = n - 1; i >= 0; i--) {
                text.append("{\"id\":\"s").append(i).append("\",\"days\":")
                        .append(BigDecimal.valueOf(dag.quarters().get(i) * 25L, 2).toPlainString()).append(",\"after\":[");
                List<Integer> after = dag.after(i);
                for (int k = 0; k < after.size(); k++) {
                    text.append(k == 0 ? "" : ",").append("\"s").append(after.get(k)).append('"');
                }
                text.append("]}").append(i == 0 ? "" : ",");
            }
            text.append("]}");
            CliRun run = CliRun.of("plan", "--stages", write(text.toString()).toString(), "--start", START.toString());

            assertThat(run.err()).isEmpty();
            assertThat(run.status()).isEqualTo(ExitStatus.OK);
            JsonNode out = read(run.out());
            BigDecimal totalDays = new BigDecimal(out.get("totalDays").asText());
            assertThat(totalDays).isEqualByComparingTo(BigDecimal.valueOf(longestChain(dag) * 25L, 2));
            Instant completion = Instant.parse(out.get("committedCompletion").asText());
            assertThat(completion).isEqualTo(START.plus(Duration.ofHours(6L * longestChain(dag))));

            List<Integer> path = new ArrayList<>();
            out.get("criticalPath").forEach(id -> path.add(Integer.parseInt(id.asText().substring(1))));
            assertThat(path).isNotEmpty();
            assertThat(dag.after(path.get(0))).isEmpty();
            int quarters = 0;
            for (int k = 0; k < path.size(); k++) {
                if (k > 0) {
                    assertThat(dag.after(path.get(k))).contains(path.get(k - 1));
                }
                quarters += dag.quarters().get(path.get(k));
            }
            assertThat(BigDecimal.valueOf(quarters * 25L, 2)).isEqualByComparingTo(totalDays);

            Map<Integer, Instant> finish = new HashMap<>();
            Map<Integer, Instant> start = new HashMap<>();
            out.get("stages").forEach(s -> {
                int i = Integer.parseInt(s.get("id").asText().substring(1));
                start.put(i, Instant.parse(s.get("earliestStart").asText()));
                finish.put(i, Instant.parse(s.get("earliestFinish").asText()));
            });
            assertThat(finish).hasSize(n);
            for (int i = 0; i < n; i++) {
                Instant expectedStart = START;
                for (int p : dag.after(i)) {
                    expectedStart = finish.get(p).isAfter(expectedStart) ? finish.get(p) : expectedStart;
                }
                assertThat(start.get(i)).isEqualTo(expectedStart);
                assertThat(finish.get(i)).isEqualTo(start.get(i).plus(Duration.ofHours(6L * dag.quarters().get(i))));
                assertThat(finish.get(i)).isBeforeOrEqualTo(completion);
            }
        });
    }

    /** The heaviest chain in quarter days, by trying every chain from every stage. */
    private static int longestChain(Dag dag) {
        int best = 0;
        for (int i = 0; i < dag.quarters().size(); i++) {
            best = Math.max(best, heaviestEndingAt(dag, i, new HashSet<>()));
        }
        return best;
    }

    private static int heaviestEndingAt(Dag dag, int i, Set<Integer> onPath) {
        onPath.add(i);
        int best = 0;
        for (int p : dag.after(i)) {
            best = Math.max(best, heaviestEndingAt(dag, p, onPath));
        }
        onPath.remove(i);
        return best + dag.quarters().get(i);
    }

    private Path write(String json) {
        try {
            return Files.writeString(Files.createTempFile(dir, "stages", ".json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
