package dev.keyline.examples.report;

import dev.keyline.domain.common.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A series without a value at some points: {@link SvgChart} draws a gap there, never a 0. */
class SvgChartGapsTest {

    private static final Pattern POLYLINE = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"");

    private static Block.LineChart chart(BigDecimal... values) {
        return new Block.LineChart("gaps", List.of("01", "02", "03", "04", "05"),
                List.of(new Block.Series("s", Arrays.asList(values))));
    }

    private static List<Integer> stretchLengths(String svg) {
        Matcher m = POLYLINE.matcher(svg);
        List<Integer> lengths = new java.util.ArrayList<>();
        while (m.find()) {
            lengths.add(m.group(1).split(" ").length);
        }
        return lengths;
    }

    @Test
    void aMissingValueSplitsTheLineAndHasNoPoint() {
        String svg = SvgChart.render(chart(BigDecimal.ONE, new BigDecimal("2"), null, new BigDecimal("3"),
                new BigDecimal("4")));

        assertThat(stretchLengths(svg)).containsExactly(2, 2);
        assertThat(svg).contains("<title>s 02: 2</title>", "<title>s 04: 3</title>").doesNotContain("<title>s 03:");
    }

    @Test
    void missingValuesAtTheEndsLeaveOneStretch() {
        String svg = SvgChart.render(chart(null, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("5"), null));

        assertThat(stretchLengths(svg)).containsExactly(3);
        assertThat(svg).doesNotContain("<title>s 01:", "<title>s 05:");
    }

    @Test
    void aLonePointBetweenGapsIsAPointWithoutALine() {
        String svg = SvgChart.render(chart(BigDecimal.ONE, null, BigDecimal.TEN, null, BigDecimal.ONE));

        assertThat(stretchLengths(svg)).containsExactly(1, 1, 1);
        assertThat(svg).contains("<title>s 03: 10</title>");
    }

    @Test
    void theSeriesKeepsItsGapsAndRefusesHavingNoValueAtAll() {
        Block.Series series = new Block.Series("s", Arrays.asList(null, BigDecimal.ONE));

        assertThat(series.valueAt(0)).isEmpty();
        assertThat(series.valueAt(1)).contains(BigDecimal.ONE);
        assertThatThrownBy(() -> new Block.Series("s", Arrays.asList(null, null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("values");
        assertThatThrownBy(() -> series.values().set(0, BigDecimal.TEN)).isInstanceOf(UnsupportedOperationException.class);
    }
}
