package dev.keyline.examples.allocate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The {@code allocate} command's output over random amounts and weights, read back as JSON: the
 * parties in the order given, amounts with two decimals that add up to the amount, each less than
 * a cent from its exact share.
 */
class AllocateCommandProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Gen<List<BigDecimal>> weights() {
        return lists().of(integers().between(1, 1_000_000).zip(integers().between(0, 3),
                (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale))).ofSizeBetween(1, 8);
    }

    @Test
    void theOutputAddsUpKeepsTheOrderAndStaysWithinACentOfEachShare() {
        qt().withExamples(200).forAll(longs().between(0, 10_000_000_000L), weights()).checkAssert((cents, ws) -> {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < ws.size(); i++) {
                entries.add("p" + i + "=" + ws.get(i).toPlainString());
            }
            CliRun run = CliRun.of("allocate", "--amount", amount.toPlainString(), "--shares", String.join(",", entries));

            assertThat(run.err()).isEmpty();
            assertThat(run.status()).isEqualTo(ExitStatus.OK);
            JsonNode out = read(run.out());
            assertThat(out.get("amount").asText()).isEqualTo(amount.toPlainString());
            JsonNode allocations = out.get("allocations");
            assertThat(allocations).hasSize(ws.size());
            BigDecimal total = ws.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < ws.size(); i++) {
                JsonNode a = allocations.get(i);
                assertThat(a.get("party").asText()).isEqualTo("p" + i);
                assertThat(a.get("amount").isTextual()).isTrue();
                BigDecimal part = new BigDecimal(a.get("amount").asText());
                assertThat(part.scale()).isEqualTo(2);
                // |part - amount × w / W| < 0.01, multiplied through by W
                assertThat(part.multiply(total).subtract(amount.multiply(ws.get(i))).abs())
                        .isLessThan(new BigDecimal("0.01").multiply(total));
                sum = sum.add(part);
            }
            assertThat(sum).isEqualByComparingTo(amount);
        });
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
