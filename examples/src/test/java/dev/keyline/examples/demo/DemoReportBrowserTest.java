package dev.keyline.examples.demo;

import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.Report;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's report opened in a real browser, Debian's headless {@code chromium}: every chapter and
 * every chart is laid out with a size and drawn shapes, nothing logs to the console, the first
 * screen is not blank, and printing gives each chapter its own pages. Without chromium on the PATH
 * the test is skipped, except on a continuous-integration machine (environment {@code CI=true}),
 * where it fails instead.
 *
 * <p>The layout is measured by a page of the test's own, written beside the report, which loads the
 * report in a frame and writes what it measured into its own document for {@code --dump-dom}; the
 * report itself carries no script.
 */
class DemoReportBrowserTest {

    private static final Duration BROWSER_TIME = Duration.ofMinutes(2);
    private static final String PROBE_FILE = "layout-probe.html";

    /** What the probe page measures: sections and charts with their sizes, and the page's widths. */
    private static final String PROBE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>layout probe</title></head><body>
            <iframe id="report" src="report.html" style="width: 1200px; height: 900px"></iframe>
            <pre id="result">pending</pre>
            <script>
            document.getElementById('report').addEventListener('load', function () {
              var out = [];
              try {
                var d = this.contentDocument;
                d.querySelectorAll('section').forEach(function (s) {
                  var r = s.getBoundingClientRect();
                  out.push(['section', s.id, Math.round(r.width), Math.round(r.height)].join('|'));
                });
                d.querySelectorAll('figure.chart').forEach(function (f) {
                  var svg = f.querySelector('svg');
                  var r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
                  var drawn = 0;
                  if (svg) {
                    svg.querySelectorAll('polyline, rect, circle, line').forEach(function (shape) {
                      var b = shape.getBBox();
                      if (b.width > 0 || b.height > 0) { drawn++; }
                    });
                  }
                  var section = f.closest('section');
                  out.push(['chart', section ? section.id : '', Math.round(r.width), Math.round(r.height), drawn,
                      f.querySelector('figcaption') ? f.querySelector('figcaption').textContent : ''].join('|'));
                });
                out.push(['page', d.documentElement.scrollWidth, d.documentElement.clientWidth].join('|'));
              } catch (e) {
                out.push('error|' + e);
              }
              document.getElementById('result').textContent = out.join('\\n');
            });
            </script>
            </body></html>
            """;

    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL);

    @TempDir
    static Path dir;

    private static Path out;
    private static Report report;

    @BeforeAll
    static void runTheDemoWhereTheBrowserCanOpenIt() throws Exception {
        String missing = missingBrowser();
        if (missing != null) {
            String message = "the report's browser test needs Debian's chromium on the PATH: " + missing;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true, so this fails instead of being skipped)");
            }
            Assumptions.abort(message + "; skipped");
        }
        out = dir.resolve("demo");
        report = new Demo(Demo.standardChapters()).run(out).report();
        Files.writeString(out.resolve(PROBE_FILE), PROBE, StandardCharsets.UTF_8);
    }

    @Test
    void everyChapterAndEveryChartIsLaidOutWithASizeAndDrawnShapes() throws Exception {
        Run probe = chromium("--allow-file-access-from-files", "--dump-dom", url(PROBE_FILE));
        assertThat(probe.exitCode()).as(probe.stderr()).isZero();
        Matcher result = RESULT.matcher(probe.stdout());
        assertThat(result.find()).as("the probe's result in " + probe.stdout()).isTrue();
        List<String[]> rows = result.group(1).lines().map(line -> line.split("\\|", -1)).toList();
        assertThat(rows).noneMatch(r -> r[0].equals("error") || r[0].equals("pending"));

        List<String[]> sections = rows.stream().filter(r -> r[0].equals("section")).toList();
        assertThat(sections).hasSize(report.chapters().size());
        for (int i = 0; i < sections.size(); i++) {
            String[] section = sections.get(i);
            assertThat(section[1]).isEqualTo("chapter-" + (i + 1));
            assertThat(Integer.parseInt(section[2])).as(report.chapters().get(i).title() + "'s width").isPositive();
            assertThat(Integer.parseInt(section[3])).as(report.chapters().get(i).title() + "'s height").isPositive();
        }

        List<String> expectedCharts = new ArrayList<>();
        for (int i = 0; i < report.chapters().size(); i++) {
            for (Block block : report.chapters().get(i).blocks()) {
                if (block instanceof Block.LineChart c) {
                    expectedCharts.add("chapter-" + (i + 1) + "|" + c.caption());
                } else if (block instanceof Block.GanttChart g) {
                    expectedCharts.add("chapter-" + (i + 1) + "|" + g.caption());
                }
            }
        }
        List<String[]> charts = rows.stream().filter(r -> r[0].equals("chart")).toList();
        assertThat(charts.stream().map(c -> c[1] + "|" + c[5]).toList())
                .as("every chart of the report, in its chapter").containsExactlyElementsOf(expectedCharts);
        assertThat(expectedCharts).as("KPI trends, utilisation per pool, the burn-down and the plans' Gantt chart")
                .hasSizeGreaterThanOrEqualTo(4);
        for (String[] chart : charts) {
            assertThat(Integer.parseInt(chart[2])).as(chart[5] + " width").isGreaterThan(300);
            assertThat(Integer.parseInt(chart[3])).as(chart[5] + " height").isGreaterThan(50);
            assertThat(Integer.parseInt(chart[4])).as(chart[5] + " shapes drawn").isGreaterThan(2);
        }

        String[] page = rows.stream().filter(r -> r[0].equals("page")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(page[1])).as("no content wider than the window")
                .isLessThanOrEqualTo(Integer.parseInt(page[2]));
    }

    @Test
    void theReportLogsNothingToTheConsoleAndKeepsEveryChapter() throws Exception {
        Run opened = chromium("--enable-logging=stderr", "--v=0", "--dump-dom", url("report.html"));
        assertThat(opened.exitCode()).as(opened.stderr()).isZero();
        assertThat(consoleLines(opened.stderr())).isEmpty();
        for (Chapter chapter : report.chapters()) {
            assertThat(opened.stdout()).contains("<h2>" + chapter.title() + "</h2>");
        }
        assertThat(opened.stdout()).doesNotContain("<script");
    }

    @Test
    void theConsoleCheckSeesAPageThatLogs() throws Exception {
        Files.writeString(out.resolve("logs.html"), "<!DOCTYPE html><html><body><p>x</p>"
                + "<script>console.error('logged on purpose'); undefinedFunction();</script></body></html>");
        Run opened = chromium("--enable-logging=stderr", "--v=0", "--dump-dom", url("logs.html"));
        assertThat(consoleLines(opened.stderr())).anySatisfy(line -> assertThat(line).contains("logged on purpose"))
                .anySatisfy(line -> assertThat(line).contains("undefinedFunction"));
    }

    @Test
    void theFirstScreenIsDrawnAndNotBlank() throws Exception {
        Path png = dir.resolve("report.png");
        Run shot = chromium("--window-size=1280,1600", "--hide-scrollbars", "--screenshot=" + png, url("report.html"));
        assertThat(shot.exitCode()).as(shot.stderr()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG at " + png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1600);
        Set<Integer> colours = new HashSet<>();
        long background = 0;
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb == first) {
                    background++;
                }
            }
        }
        assertThat(colours.size()).as("text, boxes and headings in several colours").isGreaterThan(20);
        assertThat(background).as("not all background").isLessThan(1280L * 1600 / 4);
    }

    @Test
    void printingGivesEveryChapterItsOwnPages() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Run printed = chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, url("report.html"));
        assertThat(printed.exitCode()).as(printed.stderr()).isZero();
        String bytes = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertThat(bytes).startsWith("%PDF-");
        long pages = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(bytes).results().count();
        assertThat(pages).as("the title and contents, then each chapter from a new page")
                .isGreaterThanOrEqualTo(report.chapters().size() + 1L);
    }

    // ------------------------------------------------------------------ running the browser

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static String url(String file) {
        return out.resolve(file).toUri().toString();
    }

    private static List<String> consoleLines(String stderr) {
        return stderr.lines().filter(line -> line.contains(":CONSOLE")).toList();
    }

    private static Run chromium(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(BROWSER_TIME.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish within " + BROWSER_TIME.toSeconds() + " s: "
                    + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Null when {@code chromium --version} runs, else what is wrong. */
    private static String missingBrowser() throws InterruptedException {
        try {
            Run version = run(List.of("chromium", "--version"));
            return version.exitCode() == 0 ? null
                    : "'chromium --version' ended with exit code " + version.exitCode() + ": " + version.stderr().strip();
        } catch (IOException e) {
            return "cannot run 'chromium': " + e.getMessage();
        }
    }
}
