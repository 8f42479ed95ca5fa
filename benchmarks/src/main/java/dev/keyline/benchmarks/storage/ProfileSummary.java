package dev.keyline.benchmarks.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Sums up a CPU profile in async-profiler's collapsed form (one line per distinct stack: its
 * frames from the thread's root to the leaf, separated by {@code ;}, then a space and the number of
 * samples) as the markdown of {@code docs/performance.md}: which code the benchmark's samples were
 * spent in, and in which of Keyline's methods its own work was done.
 * <pre>{@code
 * java -cp keyline-benchmarks.jar dev.keyline.benchmarks.storage.ProfileSummary OUT.md COLLAPSED...
 * }</pre>
 *
 * <p>Only the samples of the benchmark's own thread count: the stacks with a frame of this package
 * (the benchmark's code), which leaves out the collector's, the compiler's and the other threads'.
 * Each sample goes to the owner of its leaf-most frame that belongs to a known library: a
 * {@code HashMap.put} called by Keyline is Keyline's time, the same call inside H2 is H2's, and a
 * reflective call inside Jackson is Jackson's. So the shares answer "whose code made the CPU
 * work", and Keyline's share against the database driver's is what its abstraction costs on top of
 * the statements.
 */
public final class ProfileSummary {

    /** The benchmark code's frames: the stacks of the measured thread hold one. */
    private static final String BENCHMARK = ProfileSummary.class.getPackageName().replace('.', '/') + "/";

    private static final String HARNESS = "the benchmark's own code (ids, loops, the raw side's records)";
    private static final String KEYLINE = "Keyline";
    private static final String JACKSON = "Jackson (events to JSON)";
    private static final String GUAVA = "Guava (the kept-state cache)";

    /** Frame prefixes and their owners, checked in this order; the first that matches names the owner. */
    private static final List<Map.Entry<String, String>> OWNERS = List.of(
            Map.entry("dev/keyline/benchmarks/", HARNESS),
            Map.entry("org/openjdk/jmh/", HARNESS),
            Map.entry("dev/keyline/", KEYLINE),
            Map.entry("com/fasterxml/jackson/", JACKSON),
            Map.entry("com/google/common/", GUAVA),
            Map.entry("org/h2/", "H2 (the database, in process)"),
            Map.entry("org/postgresql/", "pgjdbc (the PostgreSQL driver)"),
            Map.entry("com/zaxxer/hikari/", "HikariCP (the pool)"),
            Map.entry("org/hibernate/", "Hibernate"));

    /**
     * The owners whose samples are Keyline's own work in the JVM: its code and the libraries it
     * calls for itself (events to JSON, the kept-state cache), not the driver's and database's.
     */
    private static final Set<String> KEYLINE_WORK = Set.of(KEYLINE, JACKSON, GUAVA);

    /** Keyline's methods are shown by their share of its own work, at least this share. */
    static final double LEAST_SHOWN = 0.02;

    /** At most this many of Keyline's methods are shown. */
    static final int MOST_SHOWN = 30;

    private final Map<String, Long> byOwner = new LinkedHashMap<>();
    private final Map<String, Long> keylineInclusive = new LinkedHashMap<>();
    private long samples;
    private long allSamples;
    private long keylineWork;

    /**
     * Adds one line of a collapsed profile.
     *
     * @param line the frames separated by {@code ;}, a space, and the number of samples
     * @throws IllegalArgumentException when the line has no count
     */
    void add(String line) {
        int space = line.lastIndexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a line of a collapsed profile (no sample count): " + line);
        }
        long count;
        try {
            count = Long.parseLong(line.substring(space + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a line of a collapsed profile (no sample count): " + line, e);
        }
        String[] frames = line.substring(0, space).split(";");
        allSamples += count;
        boolean measured = false;
        for (String frame : frames) {
            if (frame.startsWith(BENCHMARK)) {
                measured = true;
                break;
            }
        }
        if (!measured) {
            return;
        }
        samples += count;
        String owner = "the JDK and the JVM (outside any library above)";
        for (int i = frames.length - 1; i >= 0; i--) {
            String known = ownerOf(frames[i]);
            if (known != null) {
                owner = known;
                break;
            }
        }
        byOwner.merge(owner, count, Long::sum);
        if (!KEYLINE_WORK.contains(owner)) {
            return;
        }
        keylineWork += count;
        Set<String> seen = new HashSet<>();
        for (String frame : frames) {
            if (frame.startsWith("dev/keyline/") && !frame.startsWith("dev/keyline/benchmarks/") && !frame.contains("$$Lambda")
                    && seen.add(frame)) {
                keylineInclusive.merge(frame, count, Long::sum);
            }
        }
    }

    private static String ownerOf(String frame) {
        for (Map.Entry<String, String> e : OWNERS) {
            if (frame.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The summary of the lines added so far.
     *
     * @param title the heading's text, such as the benchmark and its parameters
     * @return markdown: a heading, the samples, the owners' shares and Keyline's costliest methods
     */
    String markdown(String title) {
        StringBuilder md = new StringBuilder("##### ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "%,d samples of the benchmark's thread (of %,d in the profile).%n%n", samples,
                allSamples));
        if (samples == 0) {
            return md.toString();
        }
        md.append("| whose code | share of the samples |\n|---|---|\n");
        byOwner.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(percent(e.getValue())).append(" |\n"));
        List<Map.Entry<String, Long>> methods = new ArrayList<>(keylineInclusive.entrySet());
        methods.removeIf(e -> e.getValue() < LEAST_SHOWN * keylineWork);
        methods.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (!methods.isEmpty()) {
            md.append(String.format(Locale.ROOT, "%nKeyline's own work (its code, Jackson's and Guava's: %s of the samples), by "
                    + "the method it was done in or under (the %d largest, each at least %.0f %% of that work):%n%n",
                    percent(keylineWork, samples), MOST_SHOWN, 100 * LEAST_SHOWN));
            md.append("| method | share of Keyline's own work |\n|---|---|\n");
            methods.stream().limit(MOST_SHOWN).forEach(e -> md.append("| `").append(e.getKey().replace('/', '.')).append("` | ")
                    .append(percent(e.getValue(), keylineWork)).append(" |\n"));
        }
        return md.toString();
    }

    private String percent(long count) {
        return percent(count, samples);
    }

    private static String percent(long count, long of) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * count / of);
    }

    /**
     * Writes the summary of each collapsed profile to one markdown file.
     *
     * @param args the output file, then the profiles; a profile's title is its parent directory's
     *     name (JMH's async-profiler integration names it after the benchmark and its parameters)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ProfileSummary OUT.md COLLAPSED...");
            System.exit(2);
        }
        StringBuilder md = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            Path profile = Path.of(args[i]);
            ProfileSummary summary = new ProfileSummary();
            try (Stream<String> lines = Files.lines(profile, StandardCharsets.UTF_8)) {
                lines.filter(l -> !l.isBlank()).forEach(summary::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Path dir = profile.toAbsolutePath().getParent();
            String title = dir == null ? profile.toString() : dir.getFileName().toString();
            md.append(summary.markdown(title.replace(ProfileSummary.class.getPackageName() + ".", ""))).append('\n');
        }
        Files.writeString(Path.of(args[0]), md.toString(), StandardCharsets.UTF_8);
    }
}
