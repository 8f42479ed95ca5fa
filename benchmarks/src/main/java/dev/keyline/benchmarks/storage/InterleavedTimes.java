package dev.keyline.benchmarks.storage;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What other work done between the raw side's commands on H2 does to the CPU time of those
 * commands: the raw side of the key-account mix ({@link RawKeyAccountMix}) alone, another piece of
 * work alone, and the two interleaved account by account, taking turns in periods of a few seconds
 * in one JVM, each period on a new, empty database. A round's <em>extra</em> is the interleaved
 * period's CPU time per command less the two alone: what the work beside it adds to the raw
 * side's own (H2's, since H2 works on the calling thread), beyond its own cost.
 *
 * <p>The pieces of work beside the raw side:
 * <ul>
 *   <li>{@code garbage}: short-lived objects allocated and dropped, {@value #GARBAGE_BYTES}
 *       bytes' worth a command (about what Keyline's own work allocates beyond the raw side's in
 *       this mix), which only the allocation and the collector see;</li>
 *   <li>{@code keyline-memory}: Keyline's own side of the same mix ({@link KeyAccountMix}) on the
 *       in-memory provider, a new, empty storage for every batch of 20 accounts, so that its code
 *       runs as it does on the JDBC provider (the services, the domain objects, the events) while
 *       its data stays a few accounts' worth.</li>
 * </ul>
 *
 * <p>The figures of "What Keyline's own work does to H2's beside it" in
 * {@code docs/performance.md} come from this loop:
 *
 * <pre>{@code
 * java -XX:+UseParallelGC -Xms4g -Xmx4g -cp benchmarks/target/keyline-benchmarks.jar \
 *     dev.keyline.benchmarks.storage.InterleavedTimes 13 3
 * }</pre>
 */
public final class InterleavedTimes {

    /** The bytes of garbage allocated per command by the {@code garbage} work. */
    static final int GARBAGE_BYTES = 12_000;

    /** The works beside the raw side, in the order the first round runs them. */
    static final List<String> WORKS = List.of("garbage", "keyline-memory");

    /** Accounts per batch, and per in-memory storage of {@code keyline-memory}. */
    private static final int BATCH = 20;

    /** Where the garbage goes, so that the JIT cannot drop it. */
    private static volatile Object sink;

    private InterleavedTimes() {
    }

    /**
     * One period: the raw side alone ({@code raw}), a work alone ({@code garbage}), or the two
     * interleaved ({@code raw+garbage}).
     *
     * @param round the round, from 0
     * @param side what ran
     * @param commands the key-account commands the period ran (four an account), on either side
     * @param cpuMicros the thread's CPU time per command, in microseconds
     * @param allocatedBytes the bytes the thread allocated per command
     */
    public record Period(int round, String side, long commands, double cpuMicros, double allocatedBytes) {

        @Override
        public String toString() {
            return String.format("round %d %s: %.2f us cpu/command, %,.0f B allocated/command (%,d commands)", round, side,
                    cpuMicros, allocatedBytes, commands);
        }
    }

    /**
     * A work's extra over the rounds after the first.
     *
     * @param work the work beside the raw side
     * @param rounds the rounds compared
     * @param raw the raw side's median CPU time per command alone
     * @param alone the work's median CPU time per command alone
     * @param extras each round's extra, in microseconds per command
     * @param medianExtra their median
     */
    public record Extra(String work, int rounds, double raw, double alone, List<Double> extras, double medianExtra) {

        @Override
        public String toString() {
            long positive = extras.stream().filter(e -> e > 0).count();
            return String.format("%s over %d rounds: raw alone %.2f us cpu/command, %s alone %.2f; extra beside the raw"
                    + " side %+.2f us/command (median; %d of %d rounds above 0), %.0f %% of the raw side's time", work,
                    rounds, raw, work, alone, medianExtra, positive, extras.size(), 100 * medianExtra / raw);
        }
    }

    /**
     * Runs {@code rounds} rounds; in each, the raw side alone, every work alone and every work
     * interleaved with the raw side each run for {@code period}, in an order that turns from round to
     * round.
     *
     * @param rounds how many rounds, at least 2 (the first warms up)
     * @param period how long each runs in a round
     * @return the periods in the order they ran
     */
    public static List<Period> measure(int rounds, Duration period) {
        TimedPeriod.checkRounds(rounds, period);
        List<String> sides = new ArrayList<>();
        sides.add("raw");
        for (String work : WORKS) {
            sides.add(work);
            sides.add("raw+" + work);
        }
        List<Period> periods = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sides.size(); i++) {
                Period measured = period(round, sides.get((i + round) % sides.size()), period, next);
                next += measured.commands();
                periods.add(measured);
            }
        }
        return periods;
    }

    private static Period period(int round, String side, Duration period, long first) {
        boolean raw = side.startsWith("raw");
        String work = side.equals("raw") ? null : side.substring(side.indexOf('+') + 1);
        try (Fixture fixture = Fixture.create(Database.H2)) {
            CommandMixBenchmark.Side rawSide = new KeyAccountMixBenchmark().side("raw", fixture, null);
            TimedPeriod timed = TimedPeriod.run(period, from -> {
                KeyAccountMix memory = "keyline-memory".equals(work) ? new KeyAccountMix(inMemory()) : null;
                for (int i = 0; i < BATCH; i++) {
                    long n = first / KeyAccountMix.COMMANDS + from + i;
                    if (raw) {
                        rawSide.run(n);
                    }
                    if (memory != null) {
                        memory.run(n);
                    } else if (work != null) {
                        garbage(GARBAGE_BYTES * KeyAccountMix.COMMANDS);
                    }
                }
                return BATCH;
            });
            long commands = timed.units() * KeyAccountMix.COMMANDS;
            return new Period(round, side, commands, timed.cpuNanos() / 1e3 / commands,
                    timed.allocatedBytesPerUnit() / KeyAccountMix.COMMANDS);
        } catch (Exception e) {
            throw new IllegalStateException(side + " failed in round " + round, e);
        }
    }

    private static Keyline inMemory() {
        return Keyline.builder().storage(new InMemoryStorage()).clock(Clock.fixed(Fixture.NOW, ZoneOffset.UTC)).build();
    }

    /** Allocates about {@code bytes} in small arrays held by a list, and drops them. */
    static long garbage(int bytes) {
        int count = bytes / 48; // an Object[6] with its header, and its slot in the list
        List<Object[]> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(new Object[6]);
        }
        sink = held;
        return count;
    }

    /**
     * Each work's extra over every round but the first.
     *
     * @param periods the periods of {@link #measure}
     * @return one per work, in {@link #WORKS}' order
     */
    public static List<Extra> extras(List<Period> periods) {
        Map<Integer, Map<String, Double>> byRound = new LinkedHashMap<>();
        periods.stream().filter(p -> p.round() > 0)
                .forEach(p -> byRound.computeIfAbsent(p.round(), r -> new LinkedHashMap<>()).put(p.side(), p.cpuMicros()));
        List<Extra> extras = new ArrayList<>();
        for (String work : WORKS) {
            List<Double> perRound = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> alone = new ArrayList<>();
            byRound.values().forEach(round -> {
                if (round.containsKey("raw") && round.containsKey(work) && round.containsKey("raw+" + work)) {
                    perRound.add(round.get("raw+" + work) - round.get("raw") - round.get(work));
                    raw.add(round.get("raw"));
                    alone.add(round.get(work));
                }
            });
            if (!perRound.isEmpty()) {
                extras.add(new Extra(work, perRound.size(), median(raw), median(alone), List.copyOf(perRound),
                        median(perRound)));
            }
        }
        return extras;
    }

    private static double median(List<Double> values) {
        return CommandTimes.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Runs the rounds and prints every period, then each work's extra.
     *
     * @param args the rounds; optionally the seconds per period (3)
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: InterleavedTimes ROUNDS [SECONDS-PER-PERIOD]");
            System.exit(2);
        }
        List<Period> periods = measure(Integer.parseInt(args[0]),
                Duration.ofSeconds(args.length == 2 ? Integer.parseInt(args[1]) : 3));
        periods.forEach(System.out::println);
        extras(periods).forEach(System.out::println);
        System.exit(0);
    }
}
