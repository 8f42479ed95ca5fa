package dev.keyline.examples.demo;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.CliCommand;
import dev.keyline.examples.KeylineCli;
import dev.keyline.examples.Terminal;
import dev.keyline.examples.ExitStatus;
import dev.keyline.examples.report.Chapter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo --out DIR [--scale N] [--postgres JDBC_URL [--db-user USER] [--db-password PASSWORD]]
 * [--webhook URL --webhook-secret whsec_…]}: runs the {@link Demo} and writes
 * {@code DIR/report.html}; prints one line per chapter and the report's path.
 *
 * <p>{@code --scale N} (1 to {@value ScaleChapter#MAX_SCALE}, default 1, the story alone) adds the
 * {@link ScaleChapter} after the story: N × 10,000 spend facts and N × 1,000 work orders, with
 * progress on stderr when stderr is a terminal. {@code --postgres} runs the story in a new schema
 * on a PostgreSQL server the user names instead of the embedded H2 database file in DIR ({@link DemoDatabase});
 * a server that cannot be reached ends with exit status 2 before the story starts. With a webhook
 * the demo also posts every event of the story to that receiver ({@link UserWebhook}) and prints
 * how many were delivered, retried and dead-lettered, and the dead letters grouped by cause (a
 * count and a few example events per cause); the report lists every dead letter with its reason.
 */
@Command(name = "demo", sortOptions = false,
        customSynopsis = {KeylineCli.PROGRAM + " demo --out DIR [--scale N]",
            "       [--postgres JDBC_URL [--db-user USER] [--db-password PASSWORD]]",
            "       [--webhook URL --webhook-secret whsec_...]"},
        description = {"Run the seed's story on an embedded H2 database and write an HTML report",
            "",
            "Runs the seed's story on a fresh embedded H2 database in DIR/keyline-demo.mv.db (or a new schema on your "
                    + "PostgreSQL) and writes DIR/report.html. Open the database afterwards at "
                    + "jdbc:h2:file:DIR/keyline-demo, user sa, empty password.",
            ""},
        footer = {"%nScale N adds, after the story, N x 1,000 customers' spend for 10 months (N x 10,000 spend "
                + "facts) and N x 1,000 fault tickets, through the same services; 100 gives a million spend facts "
                + "and a hundred thousand work orders.",
            "%nExit status: 0 done; 1 the story or writing the report failed; 2 bad arguments or a PostgreSQL server "
                    + "that cannot be reached (message on stderr, nothing on stdout)."})
public final class DemoCommand implements CliCommand {

    private final List<DemoChapter> chapters;
    private final BooleanSupplier stderrIsTerminal;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "the directory for the report and the H2 database; created when missing")
    private String out;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1", description = {
        "1 to " + ScaleChapter.MAX_SCALE + ", default 1 (the story alone); N > 1 adds N x 10,000 spend facts and "
                + "N x 1,000 work orders after the story, with progress on stderr when it is a terminal"})
    private String scale;

    @Option(names = "--postgres", paramLabel = "JDBC_URL", description = {
        "run the story on this PostgreSQL server instead of H2, in a new schema keyline_demo_<time>_<random>, "
                + "such as jdbc:postgresql://localhost:5432/keyline (user and password may be URL parameters)"})
    private String postgres;

    @Option(names = "--db-user", paramLabel = "USER", description = "the PostgreSQL user, unless the URL names it")
    private String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = {
        "the PostgreSQL password, unless the URL names it; PGPASSWORD in the environment is used when neither does"})
    private String password;

    @Option(names = "--webhook", paramLabel = "URL", description = {
        "also post every event of the story to your own receiver, signed as Standard Webhooks (webhook-id, "
                + "webhook-timestamp, webhook-signature); an unreachable URL does not stop the story"})
    private String webhook;

    @Option(names = "--webhook-secret", paramLabel = "whsec_...",
            description = "the secret your receiver verifies with; required with --webhook")
    private String webhookSecret;

    /** The demo command with {@link Demo#standardChapters()}. */
    public DemoCommand() {
        this(Demo.standardChapters());
    }

    /**
     * The demo command with the given chapters.
     *
     * @param chapters the chapters, in reading order
     */
    public DemoCommand(List<DemoChapter> chapters) {
        this(chapters, Terminal::stderrIsTerminal);
    }

    /**
     * The demo command with the given chapters, showing progress when {@code stderrIsTerminal} says so.
     *
     * @param chapters the chapters, in reading order
     * @param stderrIsTerminal whether the stderr given to {@link #execute} is a terminal
     */
    public DemoCommand(List<DemoChapter> chapters, BooleanSupplier stderrIsTerminal) {
        this.chapters = Require.nonNullElements(chapters, "chapters");
        this.stderrIsTerminal = Require.nonNull(stderrIsTerminal, "stderrIsTerminal");
    }

    @Override
    public int execute(PrintStream stdout, PrintStream err) {
        Require.nonNull(stdout, "stdout");
        Require.nonNull(err, "err");
        Path dir;
        Optional<UserWebhook> userWebhook;
        int n;
        DemoDatabase database;
        try {
            dir = outputDirectory(out);
            n = scale(scale);
            userWebhook = userWebhook();
            database = database();
            database.requireReachable();
        } catch (KeylineException e) {
            err.println("keyline demo: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
        List<DemoChapter> told = new ArrayList<>(chapters);
        if (n > ScaleChapter.STORY_ONLY) {
            boolean terminal = stderrIsTerminal.getAsBoolean();
            told.add(new ScaleChapter(n, line -> {
                if (terminal) {
                    err.print("\r" + line + "   ");
                    err.flush();
                }
            }));
        }
        DemoOutcome outcome;
        try {
            outcome = new Demo(told).run(dir, userWebhook, database);
        } catch (IOException e) {
            err.println("keyline demo: cannot write the report to " + dir + ": " + e);
            return ExitStatus.FAILURE;
        }
        if (n > ScaleChapter.STORY_ONLY && stderrIsTerminal.getAsBoolean()) {
            err.println();
        }
        stdout.println("Keyline demo on " + outcome.storage() + " (" + (database.isPostgres()
                ? "PostgreSQL schema " + database.schema().orElseThrow() : "embedded H2") + " through HikariCP)");
        List<Chapter> written = outcome.report().chapters();
        for (int i = 0; i < written.size(); i++) {
            Chapter chapter = written.get(i);
            stdout.println("  " + (i + 1) + ". " + chapter.title()
                    + (chapter.summary().isBlank() ? "" : ": " + chapter.summary()));
        }
        userWebhook.flatMap(UserWebhook::outcome).ifPresent(posted -> posted.consoleLines().forEach(stdout::println));
        stdout.println("Report: " + outcome.reportFile().toAbsolutePath());
        return ExitStatus.OK;
    }

    private static int scale(String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("--scale", "must be a whole number from 1 to " + ScaleChapter.MAX_SCALE
                    + ", but was '" + text + "'");
        }
        return ScaleChapter.requireScale(n);
    }

    private DemoDatabase database() {
        if (postgres == null) {
            if (user != null || password != null) {
                throw new InvalidArgumentException(user != null ? "--db-user" : "--db-password", "is only for --postgres");
            }
            return DemoDatabase.h2File(Path.of(out));
        }
        Optional<String> pass = Optional.ofNullable(password).or(() -> Optional.ofNullable(System.getenv("PGPASSWORD")));
        return DemoDatabase.postgres(postgres, Optional.ofNullable(user), pass);
    }

    private Optional<UserWebhook> userWebhook() {
        Optional<String> url = Optional.ofNullable(webhook);
        Optional<String> secret = Optional.ofNullable(webhookSecret);
        if (url.isPresent() != secret.isPresent()) {
            throw new InvalidArgumentException(url.isPresent() ? "--webhook-secret" : "--webhook",
                    "is required with " + (url.isPresent() ? "--webhook" : "--webhook-secret"));
        }
        return url.map(u -> UserWebhook.of(u, secret.orElseThrow()));
    }

    private static Path outputDirectory(String text) {
        Path dir;
        try {
            dir = Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidArgumentException("--out", "'" + text + "' is not a valid path: " + e.getReason());
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidArgumentException("--out", "'" + text + "' exists and is not a directory");
        }
        return dir;
    }
}
