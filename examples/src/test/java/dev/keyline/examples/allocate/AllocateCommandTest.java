package dev.keyline.examples.allocate;

import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code allocate} command run in-process. Expected amounts are worked out by hand beside each
 * test: each part is its exact share rounded down to the cent, the spare cents go to the largest
 * remainders, ties to the party named earlier.
 */
class AllocateCommandTest {

    private static CliRun allocate(String amount, String shares) {
        return CliRun.of("allocate", "--amount", amount, "--shares", shares);
    }

    private static void assertOk(CliRun run, String json) {
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).isEqualTo(json + System.lineSeparator());
    }

    private static void assertBadInput(CliRun run, String... fragments) {
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("keyline allocate: ").contains(fragments);
    }

    @Test
    void splitsTenTenEighty() {
        assertOk(allocate("1000", "group=10,business=10,public=80"), "{\"amount\":\"1000.00\",\"allocations\":["
                + "{\"party\":\"group\",\"amount\":\"100.00\"},{\"party\":\"business\",\"amount\":\"100.00\"},"
                + "{\"party\":\"public\",\"amount\":\"800.00\"}]}");
    }

    @Test
    void theSpareCentsGoToTheLargestRemaindersAndTiesToThePartyNamedEarlier() {
        // 1234.56 × 0.1 = 123.456 (.6), × 0.8 = 987.648 (.8): public and then group get a cent
        assertOk(allocate("1234.56", "group=0.1,business=0.1,public=0.8"), "{\"amount\":\"1234.56\",\"allocations\":["
                + "{\"party\":\"group\",\"amount\":\"123.46\"},{\"party\":\"business\",\"amount\":\"123.45\"},"
                + "{\"party\":\"public\",\"amount\":\"987.65\"}]}");
        // 0.05 by 1/1/8: 0.005, 0.005, 0.04; the one spare cent to group, named before business
        assertOk(allocate("0.05", "group=1,business=1,public=8"), "{\"amount\":\"0.05\",\"allocations\":["
                + "{\"party\":\"group\",\"amount\":\"0.01\"},{\"party\":\"business\",\"amount\":\"0.00\"},"
                + "{\"party\":\"public\",\"amount\":\"0.04\"}]}");
    }

    @Test
    void keepsThePartiesInTheOrderGiven() {
        // 10.00 by 3/1: 7.50, 2.50, whatever the order
        assertOk(allocate("10", "z=1,a=3"), "{\"amount\":\"10.00\",\"allocations\":["
                + "{\"party\":\"z\",\"amount\":\"2.50\"},{\"party\":\"a\",\"amount\":\"7.50\"}]}");
    }

    @Test
    void acceptsAnyWeightTotalBlanksAroundEntriesAndTheEqualsForm() {
        // 100.00 by 1/1/1: 33.333… each, the spare cent to the first
        assertOk(CliRun.of("allocate", "--shares= a = 1, b=1 ,c=1", "--amount=100.0"), "{\"amount\":\"100.00\",\"allocations\":["
                + "{\"party\":\"a\",\"amount\":\"33.34\"},{\"party\":\"b\",\"amount\":\"33.33\"},"
                + "{\"party\":\"c\",\"amount\":\"33.33\"}]}");
    }

    @Test
    void aZeroAmountAndASinglePartyAreFine() {
        assertOk(allocate("0", "only=0.0001"), "{\"amount\":\"0.00\",\"allocations\":[{\"party\":\"only\",\"amount\":\"0.00\"}]}");
    }

    @Test
    void namesAreWrittenAsJsonStrings() {
        assertOk(allocate("3", "集团客户部=1,say \"hi\"=2"), "{\"amount\":\"3.00\",\"allocations\":["
                + "{\"party\":\"集团客户部\",\"amount\":\"1.00\"},{\"party\":\"say \\\"hi\\\"\",\"amount\":\"2.00\"}]}");
    }

    @ParameterizedTest(name = "--shares ''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"|names no parties",
        "\"  \"|names no parties",
        "group=1,group=2|duplicate name 'group'",
        "a=1, a =2|duplicate name 'a'",
        "group=0|the weight of 'group' must be greater than 0, but was '0'",
        "group=1,public=-3|the weight of 'public' must be greater than 0, but was '-3'",
        "group=0.000|the weight of 'group' must be greater than 0",
        "group=ten|the weight of 'group' must be a positive decimal",
        "group=1e3|the weight of 'group' must be a positive decimal",
        "group=+1|the weight of 'group' must be a positive decimal",
        "group=|the weight of 'group' must be a positive decimal such as 10 or 0.8, but was ''",
        "group|entry 1 'group' has no '='",
        "group=1,public 9|entry 2 'public 9' has no '='",
        "=1|entry 1 '=1' has no name",
        "group=1,|entry 2 is empty",
        "group=1,,public=2|entry 2 is empty",
    })
    void badSharesAreRejectedNamingTheFault(String shares, String fault) {
        assertBadInput(allocate("100", shares), "--shares", fault);
    }

    @ParameterizedTest(name = "--amount ''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "-5|must not be negative, but was '-5'",
        "-0.01|must not be negative",
        "+5|must be written without a sign",
        "1.234|must have at most 2 decimals, but was '1.234'",
        "0.001|must have at most 2 decimals",
        "abc|must be a plain decimal amount",
        "1e3|must be a plain decimal amount",
        "1,000|must be a plain decimal amount",
        "12.|must be a plain decimal amount",
        ".5|must be a plain decimal amount",
        "\"\"|must be a plain decimal amount",
        "12.30 CNY|must be a plain decimal amount",
    })
    void badAmountsAreRejectedNamingTheFault(String amount, String fault) {
        assertBadInput(allocate(amount, "group=1"), "--amount", fault);
    }

    @Test
    void missingOrUnknownOptionsAreRejected() {
        assertBadInput(CliRun.of("allocate", "--shares", "a=1"), "Missing required option: '--amount=AMOUNT'");
        assertBadInput(CliRun.of("allocate", "--amount", "1"), "Missing required option: '--shares=NAME=WEIGHT,...'");
        assertBadInput(CliRun.of("allocate", "--amount", "1", "--shares", "a=1", "--round", "up"), "Unknown options: '--round', 'up'");
        assertBadInput(CliRun.of("allocate", "--amount", "1", "--amount", "2", "--shares", "a=1"), "option '--amount' (AMOUNT) should be specified only once");
        assertBadInput(CliRun.of("allocate", "--amount", "1", "--shares"), "Missing required parameter for option '--shares'");
    }

    @Test
    void aTooLongNameIsRejected() {
        assertBadInput(allocate("1", "x".repeat(501) + "=1"), "--shares", "does not give a valid party", "party");
    }

    @Test
    void helpDescribesTheOptions() {
        CliRun run = CliRun.of("allocate", "--help");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: java -jar keyline.jar allocate --amount AMOUNT --shares NAME=WEIGHT,")
                .contains("--amount AMOUNT", "--shares NAME=WEIGHT,...", "largest remainder", "Exit status");
        assertThat(CliRun.of("--help").out()).containsPattern("(?m)^  allocate +\\S");
    }
}
