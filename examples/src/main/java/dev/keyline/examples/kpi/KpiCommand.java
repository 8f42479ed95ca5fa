package dev.keyline.examples.kpi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.KpiComputation;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.examples.CliCommand;
import dev.keyline.examples.KeylineCli;
import dev.keyline.examples.ExitStatus;
import dev.keyline.json.SerialisationException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kpi --facts FILE.json}: computes the KPIs Keyline computes from its own facts for one
 * period, from a JSON file of work orders, faults, key accounts, forecasts, resource pools and
 * optional CAPEX, and prints them as one line of JSON:
 * <pre>{@code
 * {"period":"2026-03","kpis":[{"id":"market-response-compliance","value":"0.8750","numerator":"7","denominator":"8"},…]}
 * }</pre>
 * The KPIs, in this order: market-response compliance, fault-handling timeliness, churn rate,
 * forecast accuracy, resource utilisation and CAPEX ratio; each value has 4 decimals, numerator and
 * denominator are strings, and the value is null when the denominator is zero (forecast accuracy
 * follows its own rule instead, see {@link ComputedKpi#FORECAST_ACCURACY}).
 *
 * <p>The file is read as a stream ({@link KpiFactsFile}), so its size is not bounded by memory.
 * Bad input (a file that cannot be found, malformed JSON, an unknown period or zone, a bad instant,
 * date or month, a missing or unknown field, a value of the wrong type, a negative number, a fact
 * its own rules refuse) ends with exit status 2, a message on stderr naming the line, column and
 * field, and nothing on stdout.
 */
@Command(name = "kpi", sortOptions = false,
        customSynopsis = KeylineCli.PROGRAM + " kpi --facts FILE.json",
        description = {"Compute the KPIs of a period from a JSON file of facts and print them as JSON",
            "",
            "Computes market-response compliance, fault-handling timeliness, churn rate, forecast accuracy, resource "
                    + "utilisation and CAPEX ratio for one period from the facts in FILE.json, read as a stream, and "
                    + "prints them as JSON on one line:",
            "  {\"period\":\"2026-03\",\"kpis\":[{\"id\":\"market-response-compliance\",\"value\":\"0.8750\",",
            "   \"numerator\":\"7\",\"denominator\":\"8\"},...]}",
            "A value has 4 decimals and is null when its denominator is zero.",
            ""},
        footer = {"%nExit status: 0 done; 2 bad arguments or input (malformed JSON, an unknown period, a bad instant, "
                + "a missing field, a wrong type, a negative number; message on stderr naming the file, line, column "
                + "and field, nothing on stdout)."})
public final class KpiCommand implements CliCommand {

    private static final String FACTS = "--facts";
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final List<ComputedKpi> PRINTED = List.of(ComputedKpi.MARKET_RESPONSE_COMPLIANCE,
            ComputedKpi.FAULT_HANDLING_TIMELINESS, ComputedKpi.CHURN_RATE, ComputedKpi.FORECAST_ACCURACY,
            ComputedKpi.RESOURCE_UTILIZATION, ComputedKpi.CAPEX_RATIO);

    @Option(names = FACTS, paramLabel = "FILE.json", required = true, description = {
        "{\"period\":\"2026-03\" | \"2026-Q1\" | \"2026\",",
        " \"zone\":\"Asia/Shanghai\" (optional, default UTC),",
        " \"workOrders\":[{\"id\",\"committed\",\"completed\"|null}],",
        " \"faults\":[{\"id\",\"deadline\",\"resolved\"|null}],",
        " \"accounts\":[{\"id\",\"keySince\":\"YYYY-MM-DD\",\"leftOn\":\"YYYY-MM-DD\"|null}],",
        " \"forecasts\":[{\"product\",\"month\":\"YYYY-MM\",\"agreed\",\"actual\"}],",
        " \"pools\":[{\"id\",\"capacity\",\"allocated\"}],",
        " \"capex\":{\"budget\",\"actual\"} (optional)}",
        "instants are ISO-8601; the period runs from local midnight to local midnight in the zone"})
    private String facts;

    /** A kpi command. */
    public KpiCommand() {
    }

    @Override
    public int execute(PrintStream out, PrintStream err) {
        Require.nonNull(out, "out");
        Require.nonNull(err, "err");
        String file = facts;
        try {
            KpiComputation computation = KpiFactsFile.read(path(file));
            out.println(json(computation));
            return ExitStatus.OK;
        } catch (KpiFactsException e) {
            err.println("keyline kpi: " + file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (KeylineException e) {
            err.println("keyline kpi: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (IOException e) {
            err.println("keyline kpi: cannot read " + file + ": " + e);
            return ExitStatus.FAILURE;
        }
    }

    private static Path path(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidArgumentException(FACTS, "'" + file + "' is not a valid path: " + e.getReason());
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidArgumentException(FACTS, "no such file: " + file);
        }
        return path;
    }

    /**
     * The command's JSON of the computed KPIs, on one line.
     *
     * @param computation the fed computation
     * @return {@code {"period":"…","kpis":[{"id":"…","value":"…"|null,"numerator":"…","denominator":"…"},…]}}
     */
    static String json(KpiComputation computation) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("period", computation.period().toString());
            json.writeArrayFieldStart("kpis");
            for (ComputedKpi kpi : PRINTED) {
                KpiValue value = computation.value(kpi);
                json.writeStartObject();
                json.writeStringField("id", kpi.id().value());
                if (value.value().isPresent()) {
                    json.writeStringField("value", value.value().get().toPlainString());
                } else {
                    json.writeNullField("value");
                }
                json.writeStringField("numerator", value.numerator().toPlainString());
                json.writeStringField("denominator", value.denominator().toPlainString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // a StringWriter does not fail, so this is a bug in the writing
            throw new SerialisationException("writing the KPI JSON failed", e);
        }
        return text.toString();
    }
}
