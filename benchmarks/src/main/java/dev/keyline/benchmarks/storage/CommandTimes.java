package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.Orm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The CPU and wall time of a command of each command mix, Keyline's side and the others taking
 * turns in periods of a few seconds in one JVM, each period on a new, empty database, measured by
 * a loop that reads its thread's CPU time and the wall time.
 *
 * <p>On H2 in memory the database's own code runs in the benchmark's JVM, and JMH's forks of the
 * same side on this project's two-core machine fall at speeds a third to a half apart, as the JIT
 * compiles H2's index searches one way or another (the performance document's "Bulk on H2: two
 * speeds in every JVM, on both sides"). A fork per side then compares two JVMs' luck as much as the
 * sides. Here the sides share one JVM and so one compilation of H2's code, take turns, and start
 * every period from the same empty database, so that a round's periods meet the same JVM. Sharing
 * it is also the loop's bias: H2's code (and, with several mixes, Keyline's shared code) is
 * compiled for every side's statements at once, where JMH compiles it for one; the two may differ
 * by a tenth, and JMH's figures stay the published scores. The figures of "The command mixes in
 * turns in one JVM" in {@code docs/performance.md} come from this loop:
 *
 * <pre>{@code
 * java -XX:+UseParallelGC -Xms4g -Xmx4g -cp benchmarks/target/keyline-benchmarks.jar \
 *     dev.keyline.benchmarks.storage.CommandTimes H2 6 5
 * }</pre>
 */
public final class CommandTimes {

    /** The mixes by name, each with the JMH benchmark whose sides it runs. */
    static final Map<String, Supplier<CommandMixBenchmark>> MIXES = mixes();

    /** The sides, in the order the first round runs them. */
    static final List<String> SIDES = List.of("keyline", "raw", "hibernate");

    private CommandTimes() {
    }

    private static Map<String, Supplier<CommandMixBenchmark>> mixes() {
        Map<String, Supplier<CommandMixBenchmark>> mixes = new LinkedHashMap<>();
        mixes.put("key-account", KeyAccountMixBenchmark::new);
        mixes.put("budget-commitment", BudgetCommitmentMixBenchmark::new);
        mixes.put("provisioning", ProvisioningMixBenchmark::new);
        mixes.put("reservation", ReservationMixBenchmark::new);
        mixes.put("sla-order", SlaOrderMixBenchmark::new);
        return mixes;
    }

    /**
     * One period of one side of one mix.
     *
     * @param mix the mix's name, a key of {@link #MIXES}
     * @param round the round, from 0
     * @param side {@code keyline}, {@code raw} or {@code hibernate}
     * @param commands how many commands the period ran
     * @param cpuMicros the calling thread's CPU time per command, in microseconds
     * @param wallMicros the wall time per command, in microseconds
     * @param allocatedBytes the bytes the calling thread allocated per command (on H2 the
     *     database's with Keyline's or the other side's), or -1 where the JVM does not count them
     */
    public record Period(String mix, int round, String side, long commands, double cpuMicros, double wallMicros,
            double allocatedBytes) {

        @Override
        public String toString() {
            return String.format("%s round %d %s: %.1f us cpu/command, %.1f us wall/command, %,.0f B allocated/command"
                    + " (%,d commands)", mix, round, side, cpuMicros, wallMicros, allocatedBytes, commands);
        }
    }

    /**
     * The sides of one mix compared over the rounds after the first, which warms the JVM up. On H2 in
     * memory the database works on the calling thread, so the CPU time is the whole command's; on
     * PostgreSQL the server works in processes of its own, and the wall time is the comparison.
     *
     * @param mix the mix's name
     * @param rounds the rounds compared
     * @param cpuMicros each side's median CPU time per command over those rounds, by side
     * @param wallMicros each side's median wall time per command over those rounds, by side
     * @param allocatedBytes each side's median bytes allocated per command over those rounds, by side
     *     (-1 where not counted)
     * @param byCpu for each other side, the median over those rounds of Keyline's commands per CPU
     *     second divided by that side's, each round's periods compared with each other
     * @param byWall the same by the wall time
     */
    public record Summary(String mix, int rounds, Map<String, Double> cpuMicros, Map<String, Double> wallMicros,
            Map<String, Double> allocatedBytes, Map<String, Double> byCpu, Map<String, Double> byWall) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format("%s over %d rounds: median us/command", mix, rounds));
            cpuMicros.forEach((side, micros) -> text.append(String.format(" %s %.1f cpu %.1f wall", side, micros,
                    wallMicros.get(side))));
            text.append("; B allocated/command");
            allocatedBytes.forEach((side, bytes) -> text.append(String.format(" %s %,.0f", side, bytes)));
            byCpu.forEach((side, ratio) -> text.append(String.format("; Keyline / %s %.2f x by cpu, %.2f x by wall",
                    side, ratio, byWall.get(side))));
            return text.toString();
        }
    }

    /**
     * Runs {@code rounds} rounds; in each, every mix runs every side for {@code period} on a new
     * database of {@code database}'s kind. The sides' order turns from round to round (Keyline's
     * first in round 0, second in round 1, and so on), so that no side always follows the same one.
     *
     * @param database the kind of database
     * @param mixes the mixes' names, keys of {@link #MIXES}
     * @param sides the sides, from {@link #SIDES}; {@code keyline} and {@code raw} at least
     * @param rounds how many rounds, at least 2 (the first warms up)
     * @param period how long each side runs in a round, after its database is made
     * @return the periods in the order they ran
     */
    public static List<Period> measure(Database database, List<String> mixes, List<String> sides, int rounds,
            Duration period) {
        for (String mix : mixes) {
            if (!MIXES.containsKey(mix)) {
                throw new IllegalArgumentException("unknown mix '" + mix + "', expected one of " + MIXES.keySet());
            }
        }
        if (!SIDES.containsAll(sides) || !sides.contains("keyline") || !sides.contains("raw")) {
            throw new IllegalArgumentException("sides must be keyline and raw, and may add hibernate; were " + sides);
        }
        TimedPeriod.checkRounds(rounds, period);
        List<Period> periods = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < rounds; round++) {
            for (String mix : mixes) {
                for (int i = 0; i < sides.size(); i++) {
                    String side = sides.get((i + round) % sides.size());
                    Period measured = period(database, mix, MIXES.get(mix).get(), side, round, period, next);
                    next += measured.commands();
                    periods.add(measured);
                }
            }
        }
        return periods;
    }

    private static Period period(Database database, String mix, CommandMixBenchmark benchmark, String side, int round,
            Duration period, long first) {
        int commandsPerUnit = commandsPerUnit(benchmark);
        try (Fixture fixture = Fixture.create(database)) {
            SessionFactory sessions = side.equals("hibernate") ? Orm.sessionFactory(fixture.dataSource()) : null;
            try {
                CommandMixBenchmark.Side runner = benchmark.side(side, fixture, sessions);
                TimedPeriod timed = TimedPeriod.run(period, from -> {
                    for (int i = 0; i < 20; i++) {
                        runner.run(first + from + i);
                    }
                    return 20;
                });
                long commands = timed.units() * commandsPerUnit;
                return new Period(mix, round, side, commands, timed.cpuNanos() / 1e3 / commands,
                        timed.wallNanos() / 1e3 / commands, timed.allocatedBytesPerUnit() / commandsPerUnit);
            } finally {
                if (sessions != null) {
                    sessions.close();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(mix + "'s " + side + " side failed in round " + round, e);
        }
    }

    private static int commandsPerUnit(CommandMixBenchmark benchmark) {
        try {
            return benchmark.getClass().getMethod("mix").getAnnotation(OperationsPerInvocation.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(benchmark.getClass().getSimpleName() + " has no mix() benchmark", e);
        }
    }

    /**
     * Each mix's sides compared over every round but the first.
     *
     * @param periods the periods of {@link #measure}
     * @return one summary per mix, in the order the mixes ran
     */
    public static List<Summary> summarize(List<Period> periods) {
        Map<String, List<Period>> byMix = new LinkedHashMap<>();
        periods.stream().filter(p -> p.round() > 0).forEach(p -> byMix.computeIfAbsent(p.mix(), m -> new ArrayList<>()).add(p));
        List<Summary> summaries = new ArrayList<>();
        byMix.forEach((mix, measured) -> {
            Map<String, Double> cpu = new LinkedHashMap<>();
            Map<String, Double> wall = new LinkedHashMap<>();
            Map<String, Double> allocated = new LinkedHashMap<>();
            Map<String, Double> byCpu = new LinkedHashMap<>();
            Map<String, Double> byWall = new LinkedHashMap<>();
            for (String side : SIDES) {
                List<Period> ofSide = measured.stream().filter(p -> p.side().equals(side)).toList();
                if (ofSide.isEmpty()) {
                    continue;
                }
                cpu.put(side, median(ofSide.stream().mapToDouble(Period::cpuMicros).toArray()));
                wall.put(side, median(ofSide.stream().mapToDouble(Period::wallMicros).toArray()));
                allocated.put(side, median(ofSide.stream().mapToDouble(Period::allocatedBytes).toArray()));
                if (!side.equals("keyline")) {
                    byCpu.put(side, pairedRatio(measured, side, Period::cpuMicros));
                    byWall.put(side, pairedRatio(measured, side, Period::wallMicros));
                }
            }
            int rounds = (int) measured.stream().mapToInt(Period::round).distinct().count();
            summaries.add(new Summary(mix, rounds, cpu, wall, allocated, byCpu, byWall));
        });
        return summaries;
    }

    /** The median over the rounds of {@code other}'s time per command over Keyline's (so Keyline's speed over the other's). */
    private static double pairedRatio(List<Period> measured, String other, ToDoubleFunction<Period> time) {
        Map<Integer, Double> keyline = new LinkedHashMap<>();
        Map<Integer, Double> theirs = new LinkedHashMap<>();
        for (Period p : measured) {
            if (p.side().equals("keyline")) {
                keyline.put(p.round(), time.applyAsDouble(p));
            } else if (p.side().equals(other)) {
                theirs.put(p.round(), time.applyAsDouble(p));
            }
        }
        double[] ratios = keyline.entrySet().stream().filter(e -> theirs.containsKey(e.getKey()))
                .mapToDouble(e -> theirs.get(e.getKey()) / e.getValue()).toArray();
        return ratios.length == 0 ? Double.NaN : median(ratios);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * Runs the rounds and prints every period, then each mix's summary.
     *
     * @param args {@code H2} or {@code POSTGRES}; the rounds; optionally the seconds per period (4),
     *     the mixes separated by commas (all) and the sides separated by commas ({@code keyline,raw})
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 5) {
            System.err.println("usage: CommandTimes H2|POSTGRES ROUNDS [SECONDS-PER-PERIOD [MIX,... [SIDE,...]]]");
            System.err.println("  mixes: " + String.join(",", MIXES.keySet()) + "; sides: " + String.join(",", SIDES));
            System.exit(2);
        }
        Database database = Database.valueOf(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Duration period = Duration.ofSeconds(args.length >= 3 ? Integer.parseInt(args[2]) : 4);
        List<String> mixes = args.length >= 4 ? List.of(args[3].split(",")) : List.copyOf(MIXES.keySet());
        List<String> sides = args.length >= 5 ? List.of(args[4].split(",")) : List.of("keyline", "raw");
        List<Period> periods = measure(database, mixes, sides, rounds, period);
        periods.forEach(System.out::println);
        summarize(periods).forEach(System.out::println);
        System.exit(0);
    }
}
