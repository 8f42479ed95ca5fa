package dev.keyline.examples.demo;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.CliCommand;
import dev.keyline.examples.CommandLineOptions;
import dev.keyline.examples.ExitStatus;
import dev.keyline.examples.report.Chapter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code demo --out DIR [--webhook URL --webhook-secret whsec_…]}: runs the {@link Demo} and writes
 * {@code DIR/report.html}; prints one line per chapter and the report's path. With a webhook it
 * also posts every event of the story to that receiver ({@link UserWebhook}) and prints how many
 * were delivered, retried and dead-lettered, and the dead letters grouped by cause (a count and a
 * few example events per cause); the report lists every dead letter with its reason.
 */
public final class DemoCommand implements CliCommand {

    private static final String OUT = "--out";
    private static final String WEBHOOK = "--webhook";
    private static final String WEBHOOK_SECRET = "--webhook-secret";

    private final List<DemoChapter> chapters;

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
        this.chapters = Require.nonNullElements(chapters, "chapters");
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Run the seed's story on an embedded H2 database and write an HTML report";
    }

    @Override
    public String usage() {
        return """
                demo --out DIR [--webhook URL --webhook-secret whsec_...]

                Runs the seed's story on a fresh in-memory H2 database and writes DIR/report.html.

                  --out DIR                  the directory for the report; created when missing
                  --webhook URL              also post every event of the story to your own receiver,
                                             signed as Standard Webhooks (webhook-id, webhook-timestamp,
                                             webhook-signature); an unreachable URL does not stop the story
                  --webhook-secret whsec_... the secret your receiver verifies with; required with --webhook

                Exit status: 0 done; 1 the story or writing the report failed; 2 bad arguments.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Require.nonNull(args, "args");
        Require.nonNull(out, "out");
        Require.nonNull(err, "err");
        Path dir;
        Optional<UserWebhook> webhook;
        try {
            CommandLineOptions options = CommandLineOptions.parse(args, Set.of(OUT, WEBHOOK, WEBHOOK_SECRET), Set.of());
            dir = outputDirectory(options.required(OUT));
            webhook = userWebhook(options);
        } catch (KeylineException e) {
            err.println("keyline demo: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
        DemoOutcome outcome;
        try {
            outcome = new Demo(chapters).run(dir, webhook);
        } catch (IOException e) {
            err.println("keyline demo: cannot write the report to " + dir + ": " + e);
            return ExitStatus.FAILURE;
        }
        out.println("Keyline demo on " + outcome.storage() + " (in-memory H2 through HikariCP)");
        List<Chapter> written = outcome.report().chapters();
        for (int i = 0; i < written.size(); i++) {
            Chapter chapter = written.get(i);
            out.println("  " + (i + 1) + ". " + chapter.title()
                    + (chapter.summary().isBlank() ? "" : ": " + chapter.summary()));
        }
        webhook.flatMap(UserWebhook::outcome).ifPresent(posted -> posted.consoleLines().forEach(out::println));
        out.println("Report: " + outcome.reportFile().toAbsolutePath());
        return ExitStatus.OK;
    }

    private static Optional<UserWebhook> userWebhook(CommandLineOptions options) {
        Optional<String> url = options.value(WEBHOOK);
        Optional<String> secret = options.value(WEBHOOK_SECRET);
        if (url.isPresent() != secret.isPresent()) {
            throw new InvalidArgumentException(url.isPresent() ? WEBHOOK_SECRET : WEBHOOK,
                    "is required with " + (url.isPresent() ? WEBHOOK : WEBHOOK_SECRET));
        }
        return url.map(u -> UserWebhook.of(u, secret.orElseThrow()));
    }

    private static Path outputDirectory(String text) {
        Path dir;
        try {
            dir = Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidArgumentException(OUT, "'" + text + "' is not a valid path: " + e.getReason());
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidArgumentException(OUT, "'" + text + "' exists and is not a directory");
        }
        return dir;
    }
}
