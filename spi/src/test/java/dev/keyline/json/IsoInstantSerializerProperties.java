package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The instants' text composed directly is {@link DateTimeFormatter#ISO_INSTANT}'s, and Jackson's options still apply. */
class IsoInstantSerializerProperties {

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private final ObjectMapper mapper = KeylineJson.newObjectMapper();

    /** Nanoseconds of every form the formatter distinguishes: none, milliseconds, microseconds, any. */
    private static Gen<Integer> nanos() {
        return integers().between(0, 3).zip(integers().between(0, 999_999_999), (form, n) -> switch (form) {
            case 0 -> 0;
            case 1 -> n / 1_000_000 * 1_000_000;
            case 2 -> n / 1_000 * 1_000;
            default -> n;
        });
    }

    private static Gen<Instant> anyInstants() {
        return longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()).zip(nanos(), Instant::ofEpochSecond);
    }

    private static Gen<Instant> instantsOfTheYears0To9999() {
        return longs().between(YEAR_0, YEAR_10000 - 1).zip(nanos(), Instant::ofEpochSecond);
    }

    @Test
    void theComposedTextIsTheFormattersForEveryInstantOfTheYears0To9999() {
        qt().forAll(instantsOfTheYears0To9999())
                .checkAssert(i -> assertThat(IsoInstantSerializer.isoText(i)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(i)));
    }

    @Test
    void theRangesEndsAreComposedAndTheInstantsBeyondThemAreLeftToTheFormatter() {
        for (Instant inside : List.of(Instant.ofEpochSecond(YEAR_0), Instant.ofEpochSecond(YEAR_10000 - 1, 999_999_999),
                Instant.EPOCH, Instant.ofEpochSecond(-1, 1_000), Instant.ofEpochSecond(951_782_400L))) {
            assertThat(IsoInstantSerializer.isoText(inside)).as("%s", inside).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(inside));
        }
        for (Instant outside : List.of(Instant.ofEpochSecond(YEAR_0 - 1, 999_999_999), Instant.ofEpochSecond(YEAR_10000),
                Instant.MIN, Instant.MAX)) {
            assertThat(IsoInstantSerializer.isoText(outside)).as("%s", outside).isNull();
        }
    }

    @Test
    void theMapperWritesEveryInstantAsTheFormatterDoes() {
        qt().forAll(anyInstants()).checkAssert(i -> assertThat(write(i))
                .isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(i) + "\""));
        qt().forAll(instantsOfTheYears0To9999()).checkAssert(i -> assertThat(write(new Stamped(i)))
                .isEqualTo("{\"at\":\"" + DateTimeFormatter.ISO_INSTANT.format(i) + "\"}"));
    }

    @Test
    void theMapperWritesPlainInstantsThroughTheComposedTextAsValuesAndAsProperties() throws Exception {
        SerializerProvider provider = mapper.getSerializerProviderInstance();
        assertThat(provider.findTypedValueSerializer(Instant.class, true, null)).isInstanceOf(IsoInstantSerializer.class);
        List<JsonSerializer<?>> properties = new ArrayList<>();
        ((BeanSerializerBase) provider.findTypedValueSerializer(Stamped.class, true, null)).properties()
                .forEachRemaining(p -> properties.add(((BeanPropertyWriter) p).getSerializer()));
        assertThat(properties).singleElement().isInstanceOf(IsoInstantSerializer.class);
    }

    @Test
    void aPropertysFormatAndNumericTimestampsStillApply() throws Exception {
        Instant at = Instant.parse("2026-03-02T02:00:00.250Z");
        assertThat(mapper.writeValueAsString(new Formatted(at))).isEqualTo("{\"at\":\"2026-03-02 02:00\"}");
        assertThat(mapper.writer().with(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(at))
                .isEqualTo("1772416800.250000000");
        assertThat(mapper.readValue(write(at), Instant.class)).isEqualTo(at);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A record with a plain instant. */
    record Stamped(Instant at) {
    }

    /** A record whose instant has a format of its own. */
    record Formatted(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant at) {
    }
}
