package dev.keyline.examples.classify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.RankedAccount;
import dev.keyline.domain.common.Require;
import dev.keyline.json.SerialisationException;

import java.io.IOException;
import java.io.StringWriter;
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
        Require.nonNullElements(classifications, "classifications");
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
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
        } catch (IOException e) {
            // a StringWriter does not fail, so this is a bug in the writing above
            throw new SerialisationException("writing the classification JSON failed", e);
        }
        return text.toString();
    }
}
