package dev.keyline.benchmarks.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the benchmarks compared in one JVM: each build's classes in a class loader of
 * their own, over a database of their own, the builds taking turns round by round, each round
 * timing Keyline's side and the raw side of one build in turn ({@link FindTimes} or
 * {@link CommandTimes}, by the calling thread's CPU time, on H2 in memory).
 *
 * <p>A change of a microsecond or two in a find or a command is a few percent of its time, less
 * than the spread between JVMs on this project's two-core machine: the same build gave a find
 * 0.65 × raw JDBC in one JVM and 0.77 × in the next, so two builds in JVMs of their own, even in
 * turns, need many JVMs to tell such a change apart. Here the builds share one JVM and one state
 * of the machine, period by period; each keeps its own compiled code, since a class loader of its
 * own makes its classes other classes than the other build's.
 *
 * <pre>{@code
 * java -XX:+UseParallelGC -Xms6g -Xmx6g -cp benchmarks/target/keyline-benchmarks.jar \
 *     dev.keyline.benchmarks.storage.BuildsInTurns find 16 10000 3 before.jar after.jar
 * }</pre>
 *
 * <p>where {@code before.jar} and {@code after.jar} are copies of {@code keyline-benchmarks.jar}
 * built from the two commits. A workload is {@code find} (a find by id among {@code rows} stored
 * orders, {@link StoredOrders}) or a command mix of {@link CommandTimes} ({@code key-account},
 * {@code budget-commitment}, {@code provisioning}, {@code reservation} or {@code sla-order};
 * {@code rows} then unused). The builds are labelled A and B by their order.
 */
public final class BuildsInTurns {

    /** The rounds left out of each build's summary while both builds' code is compiled. */
    public static final int WARM_UP_ROUNDS = 2;

    private BuildsInTurns() {
    }

    /**
     * One round of one build: the CPU time per find or command of its two sides.
     *
     * @param round the round, from 0
     * @param build the build's label: A or B, and its jar's file name
     * @param keylineMicros Keyline's side, in microseconds of the calling thread's CPU time
     * @param rawMicros the raw side's
     */
    public record Period(int round, String build, double keylineMicros, double rawMicros) {

        /**
         * Keyline's throughput as a share of the raw side's.
         *
         * @return the raw side's time over Keyline's
         */
        public double ratio() {
            return rawMicros / keylineMicros;
        }

        @Override
        public String toString() {
            return String.format("round %d %s: Keyline %.2f us, raw %.2f us, %.3f x raw JDBC", round, build,
                    keylineMicros, rawMicros, ratio());
        }
    }

    /**
     * One build's rounds after {@link #WARM_UP_ROUNDS}.
     *
     * @param build the build's label
     * @param ratios its rounds' ratios, in order
     * @param median their median
     * @param mean their mean
     */
    public record Summary(String build, List<Double> ratios, double median, double mean) {

        @Override
        public String toString() {
            return String.format("%s: median %.3f x raw JDBC, mean %.3f, over %d rounds %s", build, median, mean,
                    ratios.size(), ratios.stream().map(r -> String.format("%.3f", r)).toList());
        }
    }

    /**
     * Runs {@code rounds} rounds; in each, build A's sides run, then build B's.
     *
     * @param workload {@code find} or a command mix of {@link CommandTimes}
     * @param rounds how many rounds
     * @param rows the orders stored for {@code find}
     * @param period how long each side runs in a round
     * @param builds the two builds' class paths (a jar, or several entries joined by the path
     *     separator)
     * @return the periods in the order they ran
     */
    public static List<Period> measure(String workload, int rounds, int rows, Duration period, List<String> builds) {
        if (!workload.equals("find") && !CommandTimes.MIXES.containsKey(workload)) {
            throw new IllegalArgumentException(
                    "unknown workload '" + workload + "', expected find or one of " + CommandTimes.MIXES.keySet());
        }
        if (builds.size() != 2) {
            throw new IllegalArgumentException("two builds are compared, got " + builds.size() + ": " + builds);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        List<Build> loaded = new ArrayList<>();
        try {
            for (String classPath : builds) {
                loaded.add(new Build((loaded.isEmpty() ? "A " : "B ") + fileName(classPath), classPath, workload, rows));
            }
            List<Period> periods = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (Build build : loaded) {
                    periods.add(build.round(round, workload, rows, period));
                }
            }
            return periods;
        } finally {
            for (Build build : loaded) {
                build.close();
            }
        }
    }

    /**
     * Each build's rounds after {@link #WARM_UP_ROUNDS}, in the order the builds ran.
     *
     * @param periods the periods of {@link #measure}
     * @return one summary per build; empty when no round follows the warm-up
     */
    public static List<Summary> summarize(List<Period> periods) {
        List<Summary> summaries = new ArrayList<>();
        periods.stream().map(Period::build).distinct().forEach(build -> {
            List<Double> ratios = periods.stream()
                    .filter(p -> p.build().equals(build) && p.round() >= WARM_UP_ROUNDS)
                    .map(Period::ratio)
                    .toList();
            if (!ratios.isEmpty()) {
                double[] values = ratios.stream().mapToDouble(Double::doubleValue).toArray();
                summaries.add(new Summary(build, ratios, CommandTimes.median(values),
                        Arrays.stream(values).average().orElseThrow()));
            }
        });
        return summaries;
    }

    /** One build: its class loader and, for {@code find}, its loaded database. */
    private static final class Build {

        private final String label;
        private final URLClassLoader loader;
        private final Class<?> database;
        private final Object h2;
        private Object fixture;

        Build(String label, String classPath, String workload, int rows) {
            this.label = label;
            this.loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader());
            try {
                // the driver registers itself with DriverManager, which hands it only to classes
                // of the loader that loaded it: this build's pool
                Class.forName("org.h2.Driver", true, loader);
                this.database = loader.loadClass(Database.class.getName());
                this.h2 = database.getField("H2").get(null);
                if (workload.equals("find")) {
                    fixture = within(() -> loader.loadClass(StoredOrders.class.getName())
                            .getMethod("of", database, int.class).invoke(null, h2, rows));
                }
            } catch (ReflectiveOperationException e) {
                close();
                throw new IllegalArgumentException("build " + classPath + " is not a build of these benchmarks", e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        Period round(int round, String workload, int rows, Duration period) {
            List<?> periods;
            if (workload.equals("find")) {
                periods = (List<?>) within(() -> loader.loadClass(FindTimes.class.getName())
                        .getMethod("measure", loader.loadClass(Fixture.class.getName()), int.class, int.class,
                                Duration.class)
                        .invoke(null, fixture, rows, 1, period));
            } else {
                // two rounds, the first warming the mix's new database's statements up; the second is kept
                periods = (List<?>) within(() -> loader.loadClass(CommandTimes.class.getName())
                        .getMethod("measure", database, List.class, List.class, int.class, Duration.class)
                        .invoke(null, h2, List.of(workload), List.of("keyline", "raw"), 2, period));
            }
            double keyline = Double.NaN;
            double raw = Double.NaN;
            for (Object measured : periods) {
                if (!workload.equals("find") && (int) accessor(measured, "round") != 1) {
                    continue;
                }
                double cpu = (double) accessor(measured, "cpuMicros");
                if (accessor(measured, "side").equals("keyline")) {
                    keyline = cpu;
                } else {
                    raw = cpu;
                }
            }
            return new Period(round, label, keyline, raw);
        }

        /** Runs reflective work with this build's loader as the thread's context loader. */
        private Object within(Reflective work) {
            Thread thread = Thread.currentThread();
            ClassLoader outer = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return work.run();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("build " + label + " failed: " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("build " + label + " has not the benchmarks' methods", e);
            } finally {
                thread.setContextClassLoader(outer);
            }
        }

        private Object accessor(Object measured, String name) {
            try {
                Method method = measured.getClass().getMethod(name);
                return method.invoke(measured);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("build " + label + "'s periods have no " + name + "()", e);
            }
        }

        void close() {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing build " + label + "'s classes", e);
            }
        }

        private static URL[] urls(String classPath) {
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.exists(path)) {
                    throw new IllegalArgumentException("no build at " + entry);
                }
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("no build at " + entry, e);
                }
            }
            return urls.toArray(URL[]::new);
        }
    }

    private static String fileName(String classPath) {
        Path first = Path.of(classPath.split(File.pathSeparator)[0]).getFileName();
        return first == null ? classPath : first.toString();
    }

    @FunctionalInterface
    private interface Reflective {
        Object run() throws ReflectiveOperationException;
    }

    /**
     * Loads both builds and prints every round, then each build's summary.
     *
     * @param args the workload; the rounds; the orders stored (for {@code find}); the seconds per
     *     side and round; the two builds' jars
     */
    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: BuildsInTurns find|MIX ROUNDS ROWS SECONDS-PER-SIDE BUILD-A.jar BUILD-B.jar");
            System.exit(2);
        }
        List<Period> periods = measure(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Duration.ofSeconds(Integer.parseInt(args[3])), List.of(args[4], args[5]));
        periods.forEach(System.out::println);
        summarize(periods).forEach(System.out::println);
        System.exit(0);
    }
}
