package dev.keyline.examples.classify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.RankedAccount;
import dev.keyline.domain.common.Require;
import dev.keyline.json.SerialisationException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * Writes classifications as the {@code classify} command's JSON:
 * <pre>{@code
 * {"networks":[{"network":"KM","rule":"share","threshold":"10234.50",
 *   "keyAccounts":[{"customer":"C1","averageMonthlySpend":"20000.00"}]}]}
 * }</pre>
 * on one line. Amounts are strings with exactly two decimals, so no reader turns them into
 * binary floating point; {@code threshold} is {@code null} when nobody qualifies. Networks and key
 * accounts appear in the order given.
 */
public final class ClassificationJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ClassificationJson() {
    }

    /**
     * The JSON of the classifications, in the order given.
     *
     * @param classifications one per network
     * @return the JSON text, without a trailing line break
     */
    public static String write(List<Classification> classifications) {
        StringWriter text = new StringWriter();
        try {
            write(classifications, text);
        } catch (IOException e) {
            // a StringWriter does not fail, so this is a bug in the writing
            throw new SerialisationException("writing the classification JSON failed", e);
        }
        return text.toString();
    }

    /**
     * Writes the JSON of the classifications, in the order given, to {@code target} as it goes
     * (a large list never exists as one string), without a trailing line break. The target is
     * flushed, not closed.
     *
     * @param classifications one per network
     * @param target where to write
     * @throws IOException when the target fails
     */
    public static void write(List<Classification> classifications, Writer target) throws IOException {
        Require.nonNullElements(classifications, "classifications");
        Require.nonNull(target, "target");
        try (JsonGenerator json = FACTORY.createGenerator(target).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeArrayFieldStart("networks");
            for (Classification c : classifications) {
                json.writeStartObject();
                json.writeStringField("network", c.network().value());
                json.writeStringField("rule", c.rule());
                if (c.threshold().isPresent()) {
                    json.writeStringField("threshold", c.threshold().get().amount().toPlainString());
                } else {
                    json.writeNullField("threshold");
                }
                json.writeArrayFieldStart("keyAccounts");
                for (RankedAccount account : c.keyAccounts()) {
                    json.writeStartObject();
                    json.writeStringField("customer", account.account().value());
                    json.writeStringField("averageMonthlySpend", account.averageMonthlySpend().amount().toPlainString());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        target.flush();
    }
}
