package dev.keyline.examples.demo;

import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.HtmlReport;
import dev.keyline.examples.report.Report;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.webhook.WebhookSecret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo: the seed's story, chapter by chapter, on a fresh embedded H2 database file in the
 * output directory (or another {@link DemoDatabase}) reached through HikariCP and the JDBC provider,
 * written up as one HTML page. Notifications go through a router to a webhook receiver the demo
 * starts on 127.0.0.1 and stops at the end, also when a chapter fails ({@link DemoNotifications}).
 *
 * <p>Each run starts from an empty database, a clock standing at {@link #START} and the seed
 * {@link #SEED}, so it tells the same story every time.
 */
public final class Demo {

    /** The seed of every generated number. */
    public static final long SEED = 20_240_701L;

    /** The story's time zone: the seed's local networks are in China. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** When the story starts: 1 July 2024, 09:00 in {@link #ZONE}. */
    public static final Instant START = Instant.parse("2024-07-01T01:00:00Z");

    /** The report's file name inside the output directory. */
    public static final String REPORT_FILE = "report.html";

    private final List<DemoChapter> chapters;

    /**
     * A demo of the given chapters.
     *
     * @param chapters the chapters, in reading order
     */
    public Demo(List<DemoChapter> chapters) {
        this.chapters = Require.nonNullElements(chapters, "chapters");
    }

    /**
     * Every chapter the demo tells, in the order of the seed's story: the foundation; key accounts
     * classified for Suzhou and Kunming (with the commercial authorisation that follows from them);
     * the group-customer SLA signed; orders taken in several service classes; a cross-province DDN
     * circuit provisioned in parallel stages; a fault from report to reply; reservations made, one
     * expiring, an exit releasing its units; a fiscal year's budget; KPIs and scorecards; billing,
     * priority and incentives; and last what the notifications did. The clock only moves forward,
     * so a chapter's dates follow the chapter before it. An area adds its chapter here.
     *
     * @return the chapters, in reading order
     */
    public static List<DemoChapter> standardChapters() {
        return List.of(new FoundationChapter(), new KeyAccountsChapter(), new CommercialAuthorisationChapter(),
                new SlaChapter(), new SlaOrdersChapter(), new WorkOrdersChapter(), new FaultTicketsChapter(),
                new ResourcesChapter(), new BudgetChapter(),
                new KpiChapter(),
                new BillingPriorityHrChapter(),
                new NotificationsChapter());
    }

    /**
     * Runs every chapter and writes the report to {@code outDir}/{@value #REPORT_FILE}.
     *
     * @param outDir the directory for the report; created when missing
     * @return the report and where it was written
     * @throws IOException when the report cannot be written
     */
    public DemoOutcome run(Path outDir) throws IOException {
        return run(outDir, Optional.empty());
    }

    /**
     * Runs every chapter and writes the report, and posts every event of the story to the user's
     * own receiver too when one is given (see {@link UserWebhook}; its outcome is then in the
     * report and in {@link UserWebhook#outcome()}).
     *
     * @param outDir the directory for the report; created when missing
     * @param userWebhook the user's own receiver, when they gave one
     * @return the report and where it was written
     * @throws IOException when the report cannot be written
     */
    public DemoOutcome run(Path outDir, Optional<UserWebhook> userWebhook) throws IOException {
        return run(outDir, userWebhook, DemoDatabase.h2File(outDir));
    }

    /**
     * Runs every chapter on the given database and writes the report, posting every event to the
     * user's own receiver too when one is given.
     *
     * @param outDir the directory for the report; created when missing
     * @param userWebhook the user's own receiver, when they gave one
     * @param database the database the story runs on: a fresh H2 one or a new schema on PostgreSQL
     * @return the report and where it was written
     * @throws IOException when the report cannot be written
     */
    public DemoOutcome run(Path outDir, Optional<UserWebhook> userWebhook, DemoDatabase database) throws IOException {
        Require.nonNull(outDir, "outDir");
        Require.nonNull(userWebhook, "userWebhook");
        Require.nonNull(database, "database");
        Files.createDirectories(outDir);
        Report report;
        String storageName;
        DemoClock clock = new DemoClock(START, ZONE);
        try (HikariDataSource dataSource = database.open();
             DemoNotifications notifications = DemoNotifications.start(webhookSecret(), clock, userWebhook)) {
            JdbcStorage storage = JdbcStorage.builder(dataSource).migrate(true).build();
            storageName = storage.name();
            Keyline keyline = Keyline.builder().storage(storage).sink(notifications.router()).clock(clock).build();
            DemoContext context = new DemoContext(keyline, storage, dataSource, clock, notifications, SEED, outDir);
            List<Chapter> written = new ArrayList<>();
            for (DemoChapter chapter : chapters) {
                ReportSection section = new ReportSection(chapter.title());
                chapter.run(context, section);
                written.add(section.toChapter());
            }
            report = new Report("Keyline demo: the seed's story",
                    "Each chapter below ran against " + database.description() + " through HikariCP and Keyline's JDBC "
                            + "storage provider (" + storageName + "), with a clock that starts at "
                            + START.atZone(ZONE).toLocalDateTime() + " " + ZONE + " and moves only when the story "
                            + "says so, and random data drawn from the seed " + SEED + ". Notifications travel as "
                            + "signed HTTP requests to a receiver the demo runs on 127.0.0.1. Run the demo again and "
                            + "every number comes out the same; only the event ids differ, as Keyline draws them at "
                            + "random.",
                    written);
        }
        Path file = outDir.resolve(REPORT_FILE);
        Files.writeString(file, HtmlReport.render(report), StandardCharsets.UTF_8);
        return new DemoOutcome(file, storageName, report);
    }

    /** The secret the CRM's webhook shares with Keyline: 32 bytes drawn from the seed. */
    private static WebhookSecret webhookSecret() {
        byte[] key = new byte[32];
        DemoContext.randomFor(SEED, "webhook-secret").nextBytes(key);
        return WebhookSecret.ofKey(key);
    }
}
