package dev.keyline.benchmarks.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the JSON results of the storage benchmarks (JMH's {@code -rf json}) into the markdown
 * tables of {@code docs/performance.md} and an SVG chart of the scale curve:
 * <pre>{@code
 * java -cp keyline-benchmarks.jar dev.keyline.benchmarks.storage.JmhReport OUT.md OUT.svg RESULT.json...
 * }</pre>
 * Every score is a rate with its 99.9 % error as JMH reports it (a single-shot score, seconds per
 * operation, is inverted, its error with it); a ratio is Keyline's score over the other side's,
 * written like "0.93 × raw JDBC".
 */
public final class JmhReport {

    private static final String PACKAGE = JmhReport.class.getPackageName() + ".";
    private static final List<String> DATABASES = List.of("H2", "POSTGRES");

    private final List<Result> results;

    JmhReport(List<Result> results) {
        this.results = results;
    }

    /**
     * One score.
     *
     * @param benchmark the class's simple name and the method, {@code Class.method}
     * @param params the parameters
     * @param rate operations per second
     * @param error the error of the rate, in the same unit
     */
    record Result(String benchmark, Map<String, String> params, double rate, double error) {

        boolean matches(String name, Map<String, String> wanted) {
            if (!benchmark.equals(name)) {
                return false;
            }
            for (Map.Entry<String, String> e : wanted.entrySet()) {
                if (!e.getValue().equals(params.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Writes the markdown and the SVG.
     *
     * @param args the markdown file, the SVG file, then one or more JMH JSON result files
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: JmhReport OUT.md OUT.svg RESULT.json...");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 2; i < args.length; i++) {
            results.addAll(read(mapper.readTree(Path.of(args[i]).toFile())));
        }
        JmhReport report = new JmhReport(results);
        Files.writeString(Path.of(args[0]), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[1]), report.svg(), StandardCharsets.UTF_8);
    }

    /** The results in a JMH JSON array. */
    static List<Result> read(JsonNode array) {
        List<Result> results = new ArrayList<>();
        for (JsonNode run : array) {
            String name = run.get("benchmark").asText();
            if (name.startsWith(PACKAGE)) {
                name = name.substring(PACKAGE.length());
            }
            Map<String, String> params = new TreeMap<>();
            JsonNode p = run.get("params");
            if (p != null) {
                p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            }
            JsonNode metric = run.get("primaryMetric");
            double score = metric.get("score").asDouble();
            double error = metric.get("scoreError").asDouble();

            String unit = metric.get("scoreUnit").asText();
            double rate;
            double rateError;
            if (unit.startsWith("ops/")) {
                double perSecond = seconds(unit.substring(4));
                rate = score / perSecond;
                rateError = error / perSecond;
            } else if (unit.endsWith("/op")) {
                // a single-shot score is the time of the iteration's whole batch of invocations
                // (over the operations per invocation), so one operation took that over the batch
                int batch = "ss".equals(run.path("mode").asText()) ? Math.max(1, run.path("measurementBatchSize").asInt(1)) : 1;
                double time = score * seconds(unit.substring(0, unit.length() - 3)) / batch;
                double timeError = error * seconds(unit.substring(0, unit.length() - 3)) / batch;
                rate = 1 / time;
                rateError = timeError / (time * time);
            } else {
                throw new IllegalArgumentException(name + ": unit " + unit + " is neither ops/time nor time/op");
            }
            results.add(new Result(name, params, rate, rateError));
        }
        return results;
    }

    /** Seconds in one of JMH's time units. */
    static double seconds(String unit) {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    Optional<Result> find(String name, Map<String, String> params) {
        return results.stream().filter(r -> r.matches(name, params)).findFirst();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("<!-- generated by dev.keyline.benchmarks.storage.JmhReport from JMH's JSON results -->\n\n");
        sideBySide(md, "Commands: the key-account mix (commands/s)", "KeyAccountMixBenchmark.mix", d -> Map.of(),
                d -> 1.0, true);
        sideBySide(md, "Commands: a provisioning order of 6 stages, opened, stage 1 started and done (commands/s)",
                "ProvisioningMixBenchmark.mix", d -> Map.of(), d -> 1.0, true);
        sideBySide(md, "Commands: a reservation of 4 units, made, extended, allocated and released (commands/s)",
                "ReservationMixBenchmark.mix", d -> Map.of(), d -> 1.0, true);
        sideBySide(md, "Commands: an SLA drafted, signed twice, approved, an order taken and completed (commands/s)",
                "SlaOrderMixBenchmark.mix", d -> Map.of(), d -> 1.0, true);
        sideBySide(md, "Commands: a budget taken to issued, a request booked on its line and replaced by an order "
                + "(commands/s)", "BudgetCommitmentMixBenchmark.mix", d -> Map.of(), d -> 1.0, true);
        sideBySide(md, "Bulk: provisioning orders of 6 stages in transactions of 1,000 (orders/s)",
                "BulkBenchmark.transaction", d -> Map.of(), d -> 1.0, true);
        sideBySide(md, "Reads: a provisioning order by id, at random, among the most orders stored (finds/s)",
                "ScaleBenchmark.find", d -> Map.of("rows", String.valueOf(largest(d))), d -> 1.0, false);
        sideBySide(md, "Reads: every overdue open order (one in a hundred) streamed with its stages, among the most "
                + "orders stored (orders/s)", "ScaleBenchmark.overdue", d -> Map.of("rows", String.valueOf(largest(d))),
                d -> largest(d) / 100.0, false);
        scaleCurve(md);
        outbox(md);
        return md.toString();
    }

    /** The most orders stored in a scale run on {@code database}. */
    private int largest(String database) {
        return results.stream().filter(r -> r.benchmark().startsWith("ScaleBenchmark.")
                && database.equals(r.params().get("database"))).mapToInt(r -> Integer.parseInt(r.params().get("rows")))
                .max().orElse(0);
    }

    private void sideBySide(StringBuilder md, String title, String name,
            java.util.function.Function<String, Map<String, String>> fixedFor,
            java.util.function.Function<String, Double> factorFor, boolean hibernate) {
        if (results.stream().noneMatch(r -> r.benchmark().equals(name))) {
            return;
        }
        md.append("#### ").append(title).append("\n\n");
        md.append(hibernate ? "| database | Keyline | raw JDBC | Hibernate | Keyline / raw | Keyline / Hibernate |\n"
                + "|---|---|---|---|---|---|\n"
                : "| database | Keyline | raw JDBC | Keyline / raw |\n|---|---|---|---|\n");
        for (String database : DATABASES) {
            Map<String, String> fixed = fixedFor.apply(database);
            double factor = factorFor.apply(database);
            Optional<Result> keyline = find(name, with(fixed, database, "keyline"));
            Optional<Result> raw = find(name, with(fixed, database, "raw"));
            Optional<Result> orm = find(name, with(fixed, database, "hibernate"));
            md.append("| ").append(database.equals("H2") ? "H2 (memory)" : "PostgreSQL 18")
                    .append(fixed.containsKey("rows") ? String.format(Locale.ROOT, ", %,d stored", largest(database)) : "")
                    .append(" | ").append(score(keyline, factor)).append(" | ").append(score(raw, factor)).append(" | ");
            if (hibernate) {
                md.append(score(orm, factor)).append(" | ");
            }
            md.append(ratio(keyline, raw, "raw JDBC")).append(" |");
            if (hibernate) {
                md.append(" ").append(ratio(keyline, orm, "Hibernate")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static Map<String, String> with(Map<String, String> fixed, String database, String side) {
        Map<String, String> params = new LinkedHashMap<>(fixed);
        params.put("database", database);
        params.put("side", side);
        return params;
    }

    /** The numbers of stored orders of the scale runs, smallest first. */
    private List<Integer> sizes() {
        return results.stream().filter(r -> r.benchmark().startsWith("ScaleBenchmark."))
                .map(r -> Integer.parseInt(r.params().get("rows"))).distinct().sorted().toList();
    }

    private void scaleCurve(StringBuilder md) {
        List<Integer> sizes = sizes();
        if (sizes.isEmpty()) {
            return;
        }
        md.append("#### Scale curve: throughput against stored orders\n\n");
        md.append("| operation | database | side |");
        sizes.forEach(size -> md.append(String.format(Locale.ROOT, " %,d |", size)));
        md.append(" largest / smallest |\n|---|---|---|");
        sizes.forEach(size -> md.append("---|"));
        md.append("---|\n");
        for (String operation : SCALE_OPERATIONS.keySet()) {
            for (String database : DATABASES) {
                for (String side : List.of("keyline", "raw")) {
                    md.append("| ").append(SCALE_OPERATIONS.get(operation)).append(" | ")
                            .append(database.equals("H2") ? "H2" : "PostgreSQL").append(" | ")
                            .append(side.equals("keyline") ? "Keyline" : "raw JDBC");
                    List<Optional<Result>> curve = new ArrayList<>();
                    for (int size : sizes) {
                        Optional<Result> r = scalePoint(operation, database, side, size);
                        curve.add(r);
                        md.append(" | ").append(score(r, 1));
                    }
                    md.append(" | ");
                    List<Result> measured = curve.stream().flatMap(Optional::stream).toList();
                    Optional<Result> smallest = measured.stream().findFirst();
                    Optional<Result> largest = measured.stream().reduce((a, b) -> b);
                    if (measured.size() > 1) {
                        md.append(String.format(Locale.ROOT, "%.2f", largest.get().rate() / smallest.get().rate()));
                    } else {
                        md.append("–");
                    }
                    md.append(" |\n");
                }
            }
        }
        md.append('\n');
    }

    private void outbox(StringBuilder md) {
        if (results.stream().noneMatch(r -> r.benchmark().equals("OutboxBenchmark.relay"))) {
            return;
        }
        md.append("#### Outbox: relay throughput (events/s)\n\n| database | sink | Keyline | raw JDBC | Keyline / raw |\n"
                + "|---|---|---|---|---|\n");
        List<OutboxRun> runs = results.stream().filter(r -> r.benchmark().equals("OutboxBenchmark.relay"))
                .map(OutboxRun::of).distinct().sorted(Comparator.comparingInt(OutboxRun::history)
                        .thenComparingInt(run -> run.perAggregate() == OutboxRun.DEFAULT_PER_AGGREGATE ? 0 : run.perAggregate())
                        .thenComparing(OutboxRun::vacuum))
                .toList();
        for (OutboxRun run : runs) {
            for (String database : List.of("POSTGRES", "H2")) {
                for (String sink : List.of("noop", "webhook")) {
                    Optional<Result> keyline = outboxResult(database, sink, "keyline", run);
                    Optional<Result> raw = outboxResult(database, sink, "raw", run);
                    if (keyline.isEmpty() && raw.isEmpty()) {
                        continue;
                    }
                    md.append("| ").append(database.equals("H2") ? "H2 (memory)" : "PostgreSQL 18").append(run.label())
                            .append(" | ").append(sink.equals("noop") ? "no-op" : "webhook on loopback").append(" | ")
                            .append(score(keyline, 1)).append(" | ").append(score(raw, 1)).append(" | ")
                            .append(ratio(keyline, raw, "raw JDBC")).append(" |\n");
                }
            }
        }
        md.append('\n');
    }

    /**
     * What sets an outbox run apart beside its database, sink and side: the delivered entries it
     * kept before its pending ones ({@code 0} when it has no such parameter), its entries per
     * aggregate ({@value #DEFAULT_PER_AGGREGATE} when it has no such parameter) and whether its
     * outbox table was vacuumed before every iteration ({@code false} when it has no such parameter).
     */
    private record OutboxRun(int history, int perAggregate, boolean vacuum) {

        static final int DEFAULT_PER_AGGREGATE = 3;

        static OutboxRun of(Result r) {
            return new OutboxRun(Integer.parseInt(r.params().getOrDefault("history", "0")),
                    Integer.parseInt(r.params().getOrDefault("perAggregate", Integer.toString(DEFAULT_PER_AGGREGATE))),
                    Boolean.parseBoolean(r.params().getOrDefault("vacuum", "false")));
        }

        /** The row's label after the database: empty for the default run. */
        String label() {
            StringBuilder label = new StringBuilder();
            if (history != 0) {
                label.append(String.format(Locale.ROOT, ", %,d delivered entries kept", history));
            }
            if (perAggregate != DEFAULT_PER_AGGREGATE) {
                label.append(String.format(Locale.ROOT, ", %d %s per aggregate", perAggregate,
                        perAggregate == 1 ? "entry" : "entries"));
            }
            if (vacuum) {
                label.append(", outbox vacuumed before every iteration");
            }
            return label.toString();
        }
    }

    private Optional<Result> outboxResult(String database, String sink, String side, OutboxRun run) {
        return results.stream().filter(r -> r.matches("OutboxBenchmark.relay", Map.of("database", database, "sink", sink,
                "side", side)) && OutboxRun.of(r).equals(run)).findFirst();
    }

    /** A score as "12,345 ± 678" ("± n/a" when JMH gave no error: fewer than three iterations). */
    static String score(Optional<Result> result, double factor) {
        return result.map(r -> Double.isNaN(r.error())
                ? String.format(Locale.ROOT, "%,.0f ± n/a", r.rate() * factor)
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", r.rate() * factor, r.error() * factor)).orElse("–");
    }

    /** A ratio as "**0.93 ×** raw JDBC". */
    static String ratio(Optional<Result> keyline, Optional<Result> other, String name) {
        if (keyline.isEmpty() || other.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "**%.2f ×** %s", keyline.get().rate() / other.get().rate(), name);
    }

    /**
     * The operations of the scale curve and their labels: the stream's rate is per order read, so
     * that a flat line means a flat cost per row there too.
     */
    private static final Map<String, String> SCALE_OPERATIONS = scaleOperations();

    private static Map<String, String> scaleOperations() {
        Map<String, String> operations = new LinkedHashMap<>();
        operations.put("write", "open an order");
        operations.put("find", "find by id");
        operations.put("overdue", "overdue stream, per order");
        return operations;
    }

    /** One point of the scale curve; the overdue stream's as orders read per second (a hundredth of those stored). */
    private Optional<Result> scalePoint(String operation, String database, String side, int size) {
        Optional<Result> r = find("ScaleBenchmark." + operation,
                Map.of("database", database, "side", side, "rows", String.valueOf(size)));
        if (!operation.equals("overdue")) {
            return r;
        }
        return r.map(x -> new Result(x.benchmark(), x.params(), x.rate() * size / 100.0, x.error() * size / 100.0));
    }

    /**
     * The scale curve: a panel per operation (open an order, find by id, the overdue stream per
     * order), a line per database and side, log scales.
     */
    String svg() {
        int panelWidth = 360;
        int height = 300;
        int left = 70;
        int top = 40;
        int plotWidth = 250;
        int plotHeight = 190;
        StringBuilder svg = new StringBuilder();
        List<String> operations = List.copyOf(SCALE_OPERATIONS.keySet());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(operations.size() * panelWidth + 20)
                .append("\" height=\"").append(height + 60).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        String[][] lines = {{"H2", "keyline", "#1f77b4", ""}, {"H2", "raw", "#1f77b4", "5,4"},
            {"POSTGRES", "keyline", "#d62728", ""}, {"POSTGRES", "raw", "#d62728", "5,4"}};
        List<Integer> sizes = sizes();
        int steps = Math.max(1, sizes.size() - 1);
        for (int panel = 0; panel < operations.size(); panel++) {
            String operation = operations.get(panel);
            int x0 = panel * panelWidth + left;
            double min = Double.MAX_VALUE;
            double max = 0;
            for (String[] line : lines) {
                for (int size : sizes) {
                    Optional<Result> r = scalePoint(operation, line[0], line[1], size);
                    if (r.isPresent()) {
                        min = Math.min(min, r.get().rate());
                        max = Math.max(max, r.get().rate());
                    }
                }
            }
            svg.append("<text x=\"").append(x0 + plotWidth / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"13\">")
                    .append(SCALE_OPERATIONS.get(operation)).append(operation.equals("find") ? " (finds/s)" : " (orders/s)")
                    .append("</text>\n");
            svg.append("<rect x=\"").append(x0).append("\" y=\"").append(top).append("\" width=\"").append(plotWidth)
                    .append("\" height=\"").append(plotHeight).append("\" fill=\"none\" stroke=\"#999\"/>\n");
            if (max == 0) {
                continue;
            }
            double low = Math.floor(Math.log10(min));
            double high = Math.ceil(Math.log10(max));
            if (high == low) {
                high = low + 1;
            }
            for (double decade = low; decade <= high; decade++) {
                double y = top + plotHeight - (decade - low) / (high - low) * plotHeight;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>\n",
                        x0, y, x0 + plotWidth, y));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,.0f</text>\n",
                        x0 - 5, y + 4, Math.pow(10, decade)));
            }
            for (int i = 0; i < sizes.size(); i++) {
                double x = x0 + 20 + i * (plotWidth - 40) / (double) steps;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>\n",
                        x, top + plotHeight + 15, sizes.get(i)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">stored orders</text>\n",
                    x0 + plotWidth / 2, top + plotHeight + 32));
            for (String[] line : lines) {
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < sizes.size(); i++) {
                    Optional<Result> r = scalePoint(operation, line[0], line[1], sizes.get(i));
                    if (r.isPresent()) {
                        double x = x0 + 20 + i * (plotWidth - 40) / (double) steps;
                        double y = top + plotHeight - (Math.log10(r.get().rate()) - low) / (high - low) * plotHeight;
                        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                                x, y, line[2]));
                    }
                }
                if (points.length() > 0) {
                    svg.append("<polyline fill=\"none\" stroke=\"").append(line[2]).append("\" stroke-width=\"2\"")
                            .append(line[3].isEmpty() ? "" : " stroke-dasharray=\"" + line[3] + "\"")
                            .append(" points=\"").append(points.toString().trim()).append("\"/>\n");
                }
            }
        }
        int legendY = height + 20;
        int legendX = left;
        for (String[] line : lines) {
            svg.append("<line x1=\"").append(legendX).append("\" y1=\"").append(legendY).append("\" x2=\"")
                    .append(legendX + 30).append("\" y2=\"").append(legendY).append("\" stroke=\"").append(line[2])
                    .append("\" stroke-width=\"2\"").append(line[3].isEmpty() ? "" : " stroke-dasharray=\"" + line[3] + "\"")
                    .append("/>\n");
            svg.append("<text x=\"").append(legendX + 35).append("\" y=\"").append(legendY + 4).append("\">")
                    .append(line[0].equals("H2") ? "H2" : "PostgreSQL").append(", ")
                    .append(line[1].equals("keyline") ? "Keyline" : "raw JDBC").append("</text>\n");
            legendX += 160;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

}
