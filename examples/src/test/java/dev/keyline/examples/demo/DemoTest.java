package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.account.RankedAccount;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.HtmlReport;
import dev.keyline.examples.report.Report;
import dev.keyline.examples.report.ReportSection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo, run once through the command line into a temporary directory; its report is checked
 * against what the domain computes for the same generated data.
 */
class DemoTest {

    @TempDir
    static Path dir;

    private static CliRun run;
    private static String html;
    private static Report secondRun;

    /** Runs the demo twice: through the command line, and directly for the report's model. */
    @BeforeAll
    static void runTheDemo() throws IOException {
        run = CliRun.of("demo", "--out", dir.resolve("out").toString());
        Path report = dir.resolve("out").resolve(Demo.REPORT_FILE);
        html = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        secondRun = new Demo(Demo.standardChapters()).run(dir.resolve("again")).report();
    }

    private static Chapter chapter(Report report, String title) {
        return report.chapters().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    private static Block.Table table(Chapter chapter, String caption) {
        return chapter.blocks().stream().filter(b -> b instanceof Block.Table t && t.caption().equals(caption))
                .map(Block.Table.class::cast).findFirst().orElseThrow(() -> new AssertionError("no table " + caption));
    }

    private static String fact(Chapter chapter, String label) {
        return chapter.blocks().stream().filter(b -> b instanceof Block.Facts).map(Block.Facts.class::cast)
                .flatMap(f -> f.facts().stream()).filter(f -> f.label().equals(label)).map(Block.Fact::value)
                .findFirst().orElseThrow(() -> new AssertionError("no fact " + label));
    }

    @Test
    void printsOneLinePerChapterAndTheReportPath() {
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        Path report = dir.resolve("out").resolve(Demo.REPORT_FILE).toAbsolutePath();
        assertThat(run.out()).contains("Keyline demo on jdbc:h2", "  1. Foundation: ", "  2. Key accounts: ",
                "Report: " + report);
    }

    @Test
    void writesOneSelfContainedPageWithAChapterPerArea() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<h2>Foundation</h2>", "<h2>Key accounts</h2>");
        assertThat(html).doesNotContain("<script", "<link", "src=", "href=\"http", "url(");
    }

    @Test
    void theSameSeedTellsTheSameStory() {
        assertThat(HtmlReport.render(secondRun)).isEqualTo(html);
    }

    @Test
    void foundationShowsTheProviderARollbackAndADeliveryOnTheSecondAttempt() {
        Chapter foundation = chapter(secondRun, "Foundation");

        assertThat(fact(foundation, "Storage provider")).isEqualTo("jdbc:h2");
        Block.Table commands = table(foundation, "The two commands");
        assertThat(commands.rows()).extracting(row -> row.get(1)).first().isEqualTo("committed");
        assertThat(commands.rows().get(1).get(1)).startsWith("rolled back: ");
        assertThat(commands.rows().get(1).get(3)).isEqualTo("no entry");
        Block.Table pumps = table(foundation, "Relay runs");
        assertThat(pumps.rows()).extracting(row -> row.get(4)).containsExactly("FAILED", "DELIVERED", "DELIVERED");
        assertThat(pumps.rows()).extracting(row -> row.get(5)).containsExactly("1", "2", "2");
        assertThat(fact(foundation, "Delivered to demo-inbox")).endsWith("on attempt 2");
        assertThat(html).contains(HtmlReport.escape(commands.rows().get(0).get(2)));
    }

    @Test
    void keyAccountNumbersAreWhatTheDomainComputesForTheSameData() {
        Chapter chapter = chapter(secondRun, "Key accounts");
        AssessmentWindow window = KeyAccountsChapter.window(LocalDate.ofInstant(Demo.START, Demo.ZONE));
        List<SpendPopulation> populations = KeyAccountsChapter.populations(window, Demo.ZONE,
                DemoContext.randomFor(Demo.SEED, KeyAccountsChapter.RANDOM_PURPOSE));
        List<List<String>> overview = table(chapter, "Classification by network and rule").rows();

        assertThat(populations).extracting(p -> p.network().value()).containsExactly("SZ", "KM");
        int row = 0;
        for (SpendPopulation population : populations) {
            Map<AccountId, Money> averages = SpendAverages.over(population.facts(), window.months());
            Money total = Money.sum(averages.values(), Money.CNY);
            Set<String> eitherRule = new HashSet<>();
            for (ClassificationRule rule : List.of(RevenueShareRule.standard(), SeedMinimums.of(population.network()))) {
                Classification expected = rule.classify(population.network(), averages);
                List<String> shown = overview.get(row++);
                assertThat(shown.get(0)).isEqualTo(population.network().value());
                assertThat(shown.get(1)).isEqualTo(String.valueOf(averages.size()));
                assertThat(shown.get(2)).isEqualTo(total.amount().toPlainString());
                assertThat(shown.get(3)).isEqualTo(rule.name());
                assertThat(shown.get(4)).isEqualTo(expected.threshold().orElseThrow().amount().toPlainString());
                assertThat(shown.get(5)).isEqualTo(String.valueOf(expected.keyAccounts().size()));
                long national = expected.keyAccounts().stream()
                        .filter(k -> population.nationals().contains(k.account())).count();
                assertThat(shown.get(6)).isEqualTo(String.valueOf(national));
                assertThat(shown.get(7)).isEqualTo(String.valueOf(expected.keyAccounts().size() - national));
                expected.keyAccounts().forEach(k -> eitherRule.add(k.account().value()));
                assertThat(html).contains(">" + shown.get(4) + "<");
            }
            String name = population.network().value().equals("SZ") ? "Suzhou" : "Kunming";
            Block.Table listed = table(chapter, name + ": every customer who is a key account under either rule");
            assertThat(listed.rows()).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(eitherRule);
            for (List<String> r : listed.rows()) {
                Money average = averages.get(new AccountId(r.get(0)));
                assertThat(r.get(1)).isEqualTo(average.amount().toPlainString());
                Tier tier = population.nationals().contains(new AccountId(r.get(0)))
                        ? Tier.NATIONAL : Tier.LOCAL;
                assertThat(List.of(r.get(2), r.get(3))).contains(KeyAccountsChapter.tierName(tier));
            }
        }
    }

    @Test
    void theGeneratedPopulationsGiveTheRulesSomethingToTellApart() {
        AssessmentWindow window = KeyAccountsChapter.window(LocalDate.ofInstant(Demo.START, Demo.ZONE));
        for (SpendPopulation population : KeyAccountsChapter.populations(window, Demo.ZONE,
                DemoContext.randomFor(Demo.SEED, KeyAccountsChapter.RANDOM_PURPOSE))) {
            var averages = SpendAverages.over(population.facts(), window.months());
            List<RankedAccount> byShare = RevenueShareRule.standard().classify(population.network(), averages).keyAccounts();
            List<RankedAccount> byMinimum = SeedMinimums.of(population.network()).classify(population.network(), averages)
                    .keyAccounts();
            assertThat(byShare).isNotEmpty();
            assertThat(byMinimum).isNotEmpty().hasSizeGreaterThan(byShare.size());
            assertThat(population.nationals().accounts()).isNotEmpty();
        }
    }

    @Test
    void aChapterThatFailsFailsTheDemoAndWritesNoReport() {
        DemoChapter broken = new DemoChapter() {
            @Override
            public String title() {
                return "Broken";
            }

            @Override
            public void run(DemoContext context, ReportSection out) {
                throw new InvalidStateException("the story does not hold");
            }
        };
        Path out = dir.resolve("broken");

        assertThatThrownBy(() -> new Demo(List.of(new FoundationChapter(), broken)).run(out))
                .hasMessageContaining("the story does not hold");
        assertThat(out.resolve(Demo.REPORT_FILE)).doesNotExist();
    }

    @Test
    void outMustBeGiven() {
        CliRun missing = CliRun.of("demo");

        assertThat(missing.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("--out: is required");
    }

    @Test
    void outMustNotBeAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir.txt"), "x");

        CliRun run = CliRun.of("demo", "--out", file.toString());

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--out: '", "exists and is not a directory");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRun run = CliRun.of("demo", "--out", dir.toString(), "--seed", "7");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--seed: unknown option");
    }
}
