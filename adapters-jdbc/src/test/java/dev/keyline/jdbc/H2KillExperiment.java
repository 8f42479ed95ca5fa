package dev.keyline.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * A manual experiment, not a test of the build: how many commits a file H2 database acknowledged
 * and then lost when its process was killed, with no Keyline code involved. A child JVM commits
 * rows in a loop on plain JDBC and, after each commit returned, appends the row's id to a journal
 * and forces it to disk; this JVM kills the child with SIGKILL a random moment after its first
 * journal line, reopens the database, counts the journalled rows that are missing, then (like the
 * Crash suite's relay) updates the rows it found and closes the database cleanly before the next
 * child starts. It prints, per kill that lost rows, which rows of which child went missing.
 *
 * <p>With a fourth argument {@code repair}, this JVM opens the file once through H2's
 * {@link MVStore} in recovery mode (which scans the whole file for its newest chunk) and closes it
 * again before reopening the database after each kill.
 *
 * <p>Run it from the module's test class path, for example:
 * {@code java -cp <test class path> dev.keyline.jdbc.H2KillExperiment ";WRITE_DELAY=0" 300 2}
 * (URL options, kills, seed). See the Crash section of {@code docs/reliability.md} for what it
 * showed and why.
 */
final class H2KillExperiment {

    private static final long PER_CHILD = 1_000_000L;

    private H2KillExperiment() {
    }

    /**
     * Runs the experiment, or (first argument {@code child}) one child.
     *
     * @param args URL options, kills, seed and optionally {@code repair}; or {@code child}, URL, journal path and first id
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            return;
        }
        String options = args[0];
        int kills = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        boolean repair = args.length > 3 && args[3].equals("repair");
        Path dir = Files.createTempDirectory("keyline-h2-kill");
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";FILE_LOCK=FS" + options;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE t(id BIGINT PRIMARY KEY, pad VARCHAR(4000) NOT NULL)");
            c.createStatement().execute("CREATE TABLE u(id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
        }
        Path journal = dir.resolve("journal");
        Set<Long> updated = new HashSet<>();
        long lost = 0;
        int committed = 0;
        long started = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int kill = 1; kill <= kills; kill++) {
            long before = Files.exists(journal) ? Files.size(journal) : 0;
            Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), H2KillExperiment.class.getName(), "child", url,
                    journal.toString(), Long.toString(kill * PER_CHILD))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            while (!Files.exists(journal) || Files.size(journal) == before) {
                if (!child.isAlive()) {
                    throw new IllegalStateException("the child stopped: " + Files.readString(dir.resolve("child.log")));
                }
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(100));
            child.destroyForcibly();
            child.waitFor();
            if (repair) {
                // reopen the file once with a full scan for its newest chunk, and close it with a header naming it
                MVStore store = new MVStore.Builder().fileName(dir.resolve("db.mv.db").toString()).recoveryMode()
                        .autoCommitDisabled().open();
                store.close(0);
            }
            Set<Long> stored = checkAndUpdate(url, updated, random);
            List<Long> journalled = readJournal(journal);
            committed = journalled.size();
            List<Long> missing = new ArrayList<>();
            for (long id : journalled) {
                if (!stored.contains(id)) {
                    missing.add(id);
                }
            }
            if (missing.size() != lost) {
                System.out.printf("kill %d: %d journalled rows missing in all%n", kill, missing.size());
                for (long id : missing) {
                    long ofChild = journalled.stream().filter(x -> x / PER_CHILD == id / PER_CHILD).count();
                    System.out.printf("  row %d: child %d, which journalled %d rows%n", id, id / PER_CHILD, ofChild);
                }
            }
            lost = missing.size();
        }
        System.out.printf("H2 kill experiment (%s%s): %d kills, %d commits acknowledged, %d lost, file %d KB, in %d s%n",
                options, repair ? ", repaired before each reopening" : "", kills, committed, lost,
                Files.size(dir.resolve("db.mv.db")) / 1024, (System.nanoTime() - started) / 1_000_000_000L);
    }

    /** Reads the ids stored, then updates the rows not updated before and commits, as the Crash suite's relay does. */
    private static Set<Long> checkAndUpdate(String url, Set<Long> updated, Random random) throws SQLException {
        Set<Long> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM t")) {
                while (rs.next()) {
                    stored.add(rs.getLong(1));
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE t SET pad = ? WHERE id = ?")) {
                int n = 0;
                for (long id : stored) {
                    if (updated.add(id)) {
                        update.setString(1, "d".repeat(100 + random.nextInt(400)));
                        update.setLong(2, id);
                        update.executeUpdate();
                        if (++n % 10 == 0) {
                            c.commit();
                        }
                    }
                }
            }
            c.commit();
        }
        return stored;
    }

    private static List<Long> readJournal(Path journal) throws IOException {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        List<Long> ids = new ArrayList<>();
        // a line cut short by the kill has no newline yet: it is not counted
        for (String line : text.substring(0, text.lastIndexOf('\n')).split("\n")) {
            ids.add(Long.parseLong(line));
        }
        return ids;
    }

    /** Commits a row and an update per transaction until killed; journals each id once its commit returned. */
    private static void child(String url, Path journalPath, long first) throws SQLException, IOException {
        Random sizes = new Random(first);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             FileChannel journal = FileChannel.open(journalPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.APPEND);
             PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
             PreparedStatement merge = c.prepareStatement("MERGE INTO u VALUES (?, ?)")) {
            c.setAutoCommit(false);
            for (long id = first; ; id++) {
                insert.setLong(1, id);
                insert.setString(2, "x".repeat(50 + sizes.nextInt(2000)));
                insert.executeUpdate();
                merge.setLong(1, id % 3);
                merge.setLong(2, id);
                merge.executeUpdate();
                c.commit();
                ByteBuffer line = ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8));
                while (line.hasRemaining()) {
                    journal.write(line);
                }
                journal.force(false);
            }
        }
    }
}
