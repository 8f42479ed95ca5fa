package dev.keyline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code samples of README.md and docs/*.md that are marked {@code <!-- sample: FILE#NAME -->} must be,
 * word for word, the region between {@code // sample:NAME:start} and {@code // sample:NAME:end} of
 * that test source, which the build compiles and runs. So a guide never shows code that does not
 * compile or no longer does what the text says.
 */
class DocSamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern MARKED = Pattern.compile(
            "<!-- sample: (\\S+)#(\\S+) -->\\s*\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

    /** A marked sample as the document shows it. */
    record Sample(Path document, String source, String name, String shown) {
    }

    @Test
    void everyMarkedSampleIsTheRegionOfItsTestWordForWord() throws IOException {
        List<Sample> samples = samples();
        assertThat(samples).as("marked samples in README.md and docs/*.md").hasSizeGreaterThanOrEqualTo(12);
        for (Sample sample : samples) {
            assertThat(sample.shown())
                    .as("%s shows %s#%s", ROOT.relativize(sample.document()), sample.source(), sample.name())
                    .isEqualTo(region(ROOT.resolve(sample.source()), sample.name()));
        }
    }

    @Test
    void everyJavaBlockOfTheReadmeIsAMarkedSample() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        long javaBlocks = Pattern.compile("```java\\n").matcher(readme).results().count();
        long marked = MARKED.matcher(readme).results().count();
        assertThat(javaBlocks).isPositive().isEqualTo(marked);
    }

    @Test
    void aRegionThatIsMissingIsReportedByName() {
        Path source = ROOT.resolve("examples/src/test/java/dev/keyline/examples/ReadmeExampleTest.java");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> region(source, "no-such-sample"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no-such-sample");
    }

    private static List<Sample> samples() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<Sample> samples = new ArrayList<>();
        for (Path document : documents) {
            Matcher m = MARKED.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (m.find()) {
                samples.add(new Sample(document, m.group(1), m.group(2), m.group(3)));
            }
        }
        return samples;
    }

    /** The lines between the region's markers, less the indentation they share. */
    static String region(Path source, String name) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = indexOf(lines, "// sample:" + name + ":start");
        int end = indexOf(lines, "// sample:" + name + ":end");
        if (start < 0 || end < start) {
            throw new AssertionError("no region '" + name + "' in " + source + ": mark it with // sample:" + name
                    + ":start and // sample:" + name + ":end");
        }
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }
}
