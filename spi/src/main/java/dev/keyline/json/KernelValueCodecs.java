package dev.keyline.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** JSON forms of the kernel's value types that are not plain records: Money and Period. */
final class KernelValueCodecs {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private KernelValueCodecs() {
    }

    /** The serializer of a kernel value type, or null when {@code type} is none. */
    static JsonSerializer<?> serializer(Class<?> type) {
        if (type == Money.class) {
            return new MoneySerializer();
        }
        if (type == Period.class) {
            return new PeriodSerializer(false);
        }
        return null;
    }

    /** The deserializer of a kernel value type, or null when {@code type} is none. */
    static JsonDeserializer<?> deserializer(Class<?> type) {
        if (type == Money.class) {
            return new MoneyDeserializer();
        }
        if (type == Period.class) {
            return new PeriodDeserializer();
        }
        return null;
    }

    /** The map-key serializer of a kernel value type, or null when {@code type} is none. */
    static JsonSerializer<?> keySerializer(Class<?> type) {
        return type == Period.class ? new PeriodSerializer(true) : null;
    }

    /** The map-key deserializer of a kernel value type, or null when {@code type} is none. */
    static KeyDeserializer keyDeserializer(Class<?> type) {
        return type == Period.class ? new PeriodKeyDeserializer() : null;
    }

    /** Writes a period as its text form, {@code 2026-03}, {@code 2026-Q1} or {@code 2026}. */
    private static final class PeriodSerializer extends StdSerializer<Period> {

        private static final long serialVersionUID = 1L;

        private final boolean asKey;

        PeriodSerializer(boolean asKey) {
            super(Period.class);
            this.asKey = asKey;
        }

        @Override
        public void serialize(Period value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (asKey) {
                gen.writeFieldName(value.toString());
            } else {
                gen.writeString(value.toString());
            }
        }
    }

    /** Reads a period from its text form. */
    private static final class PeriodDeserializer extends StdDeserializer<Period> {

        private static final long serialVersionUID = 1L;

        PeriodDeserializer() {
            super(Period.class);
        }

        @Override
        public Period deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw JsonMappingException.from(p, "a period must be a string like \"2026-03\", \"2026-Q1\" or \"2026\""
                        + " but was " + describe(p));
            }
            return parsePeriod(p.getText(), p);
        }
    }

    /** Reads a period used as a map key. */
    private static final class PeriodKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return parsePeriod(key, ctxt.getParser());
        }
    }

    private static Period parsePeriod(String text, JsonParser p) throws JsonMappingException {
        try {
            return Period.parse(text);
        } catch (KeylineException e) {
            throw JsonMappingException.from(p, e.getMessage(), e);
        }
    }

    /** A failure at {@code field} of the value being read, so the reported path ends with the field. */
    static JsonMappingException failure(JsonParser p, Class<?> type, String field, String problem) {
        JsonMappingException e = JsonMappingException.from(p, problem);
        e.prependPath(type, field);
        return e;
    }

    /** Writes money as {@code {"amount":"12.30","currency":"CNY"}}. */
    private static final class MoneySerializer extends StdSerializer<Money> {

        private static final long serialVersionUID = 1L;

        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    /**
     * Reads money from {@code {"amount":"12.30","currency":"CNY"}}. The amount may also be a JSON
     * number; it must not have more than two decimals (money is never rounded silently on input).
     * A missing currency means CNY.
     */
    private static final class MoneyDeserializer extends StdDeserializer<Money> {

        private static final long serialVersionUID = 1L;

        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw JsonMappingException.from(p, "money must be an object like {\"amount\":\"12.30\",\"currency\":\"CNY\"}"
                        + " but was " + describe(p));
            }
            BigDecimal amount = null;
            Currency currency = Money.CNY;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                switch (field) {
                    case "amount" -> amount = amount(p, token);
                    case "currency" -> currency = currency(p, token);
                    default -> throw failure(p, Money.class, field, "is not a property of Money (known: amount, currency)");
                }
            }
            if (amount == null) {
                throw failure(p, Money.class, "amount", "is missing");
            }
            try {
                return new Money(amount, currency);
            } catch (KeylineException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }

        private static BigDecimal amount(JsonParser p, JsonToken token) throws IOException {
            BigDecimal amount;
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                if (!DECIMAL.matcher(text).matches()) {
                    throw failure(p, Money.class, "amount", "not a decimal number: '" + p.getText() + "'");
                }
                amount = new BigDecimal(text);
            } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                amount = p.getDecimalValue();
            } else {
                throw failure(p, Money.class, "amount", "must be a decimal string like \"12.30\" but was " + describe(p));
            }
            if (amount.stripTrailingZeros().scale() > Money.SCALE) {
                throw failure(p, Money.class, "amount", "has more than " + Money.SCALE + " decimals: "
                        + amount.toPlainString());
            }
            return amount;
        }

        private static Currency currency(JsonParser p, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw failure(p, Money.class, "currency", "must be an ISO 4217 code like \"CNY\" but was " + describe(p));
            }
            try {
                return Currency.getInstance(p.getText());
            } catch (IllegalArgumentException e) {
                throw failure(p, Money.class, "currency", "not an ISO 4217 currency code: '" + p.getText() + "'");
            }
        }
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case VALUE_STRING -> "the string '" + p.getText() + "'";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> t.toString();
        };
    }
}
