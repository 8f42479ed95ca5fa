package dev.keyline.examples.report;

import dev.keyline.domain.common.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shaded areas {@link SvgChart} draws behind a chart's lines, such as a KPI's amber and red bands. */
class SvgChartBandsTest {

    private static Block.LineChart chart() {
        return new Block.LineChart("Customer satisfaction <by month>", List.of("01", "02", "03"),
                List.of(new Block.Series("customer-satisfaction", List.of(new BigDecimal("92.0000"),
                        new BigDecimal("77.5000"), new BigDecimal("66.5000")))),
                List.of(new Block.Area("red", BigDecimal.ZERO, new BigDecimal("70"), "#d62728"),
                        new Block.Area("amber", new BigDecimal("70"), new BigDecimal("85"), "#ffbf00")));
    }

    @Test
    void drawsEachAreaAsAShadedRectangleBehindTheLines() {
        String svg = SvgChart.render(chart());

        assertThat(svg).contains("data-area=\"red\"", "data-area=\"amber\"", "<title>red: 0 to 70</title>",
                "<title>amber: 70 to 85</title>");
        assertThat(svg.indexOf("data-area=\"amber\"")).isLessThan(svg.indexOf("<polyline"));
    }

    @Test
    void placesTheAreasOnTheSameScaleAsThePoints() {
        String svg = SvgChart.render(chart());

        // the axis runs from 0 (y = 250) to the largest value 92 (y = 20): the red band's top is at 70
        double top = 250 - 230 * 70 / 92.0;
        assertThat(svg).contains("data-area=\"red\" x=\"110\" y=\"" + BigDecimal.valueOf(top)
                .setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "\"");
    }

    @Test
    void thePointsCarryTheValuesAndTheMarkupHasNoScript() {
        String svg = SvgChart.render(chart());

        assertThat(svg).contains("<title>customer-satisfaction 01: 92.0000</title>",
                "<title>customer-satisfaction 02: 77.5000</title>", "<title>customer-satisfaction 03: 66.5000</title>");
        assertThat(svg.toLowerCase()).doesNotContain("<script", "javascript:", " onload=", " onclick=",
                " onmouseover=");
        assertThat(svg).contains("Customer satisfaction &lt;by month&gt;");
    }

    @Test
    void aRateOfAFewPerCentFillsTheAxisWithRoomForTheRedBandAndFourDecimalTicks() {
        Block.LineChart rate = new Block.LineChart("Arrears rate", List.of("01", "02", "03"),
                List.of(new Block.Series("arrears-rate", List.of(new BigDecimal("0.0143"), new BigDecimal("0.0400"),
                        new BigDecimal("0.0000")))),
                List.of(new Block.Area("amber", new BigDecimal("0.03"), new BigDecimal("0.05"), "#ffbf00"),
                        new Block.Area("red", new BigDecimal("0.05"), new BigDecimal("0.09"), "#d62728")));

        String svg = SvgChart.render(rate);

        // the largest value or area start is the red limit 0.05; the red band gets a tenth more: the axis ends at 0.055
        assertThat(svg).contains(">0.0550</text>", ">0.0275</text>", ">0.0000</text>");
        double y = 250 - 230 * 0.04 / 0.055;
        assertThat(svg).contains("," + BigDecimal.valueOf(y).setScale(1, java.math.RoundingMode.HALF_EVEN)
                .toPlainString());
        // the red band runs from 0.05 to the axis's top (y = 20)
        double red = 250 - 230 * 0.05 / 0.055;
        assertThat(svg).contains("data-area=\"red\" x=\"110\" y=\"20.0\" width=\"590\" height=\""
                + BigDecimal.valueOf(red - 20).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "\"");
    }

    @Test
    void aChartWithoutAreasDrawsNone() {
        Block.LineChart plain = new Block.LineChart("plain", List.of("a", "b"),
                List.of(new Block.Series("s", List.of(BigDecimal.ONE, BigDecimal.TEN))));

        assertThat(plain.areas()).isEmpty();
        assertThat(SvgChart.render(plain)).doesNotContain("data-area");
    }

    @Test
    void refusesAnAreaUpsideDownOrWithAColourThatIsNotPlainHex() {
        assertThatThrownBy(() -> new Block.Area("red", BigDecimal.TEN, BigDecimal.ONE, "#d62728"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> new Block.Area("red", BigDecimal.ZERO, BigDecimal.ONE, "red\" onload=\"x"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("colour");
    }
}
