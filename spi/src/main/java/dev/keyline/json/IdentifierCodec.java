package dev.keyline.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.keyline.domain.common.Identifier;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * JSON for every {@link Identifier} record: a plain string, read back through the record's
 * canonical constructor so the id validates itself. Works for any such record without
 * registration.
 */
final class IdentifierCodec {

    private IdentifierCodec() {
    }

    /** Whether {@code type} is an identifier record with the single String component {@code value}. */
    static boolean handles(Class<?> type) {
        if (!Identifier.class.isAssignableFrom(type) || !type.isRecord()) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && components[0].getType() == String.class
                && components[0].getName().equals("value");
    }

    /** Creates an identifier of {@code type} from {@code text}, failing as Jackson expects. */
    static Object create(Constructor<?> constructor, String text, JsonParser parser) throws JsonMappingException {
        try {
            return constructor.newInstance(text);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw JsonMappingException.from(parser, "not a valid " + constructor.getDeclaringClass().getSimpleName()
                    + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw JsonMappingException.from(parser, "cannot create " + constructor.getDeclaringClass().getName(), e);
        }
    }

    static Constructor<?> canonicalConstructor(Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor(String.class);
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SerialisationException("identifier " + type.getName() + " has no accessible canonical constructor", e);
        }
    }

    /** Writes an identifier as its text. */
    static final class Serializer extends StdSerializer<Identifier> {

        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Identifier.class);
        }

        @Override
        public void serialize(Identifier value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.value());
        }
    }

    /** Writes an identifier used as a map key as its text. */
    static final class KeySerializer extends StdSerializer<Identifier> {

        private static final long serialVersionUID = 1L;

        KeySerializer() {
            super(Identifier.class);
        }

        @Override
        public void serialize(Identifier value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(value.value());
        }
    }

    /** Reads an identifier of one record type from a JSON string. */
    static final class Deserializer extends StdDeserializer<Object> {

        private static final long serialVersionUID = 1L;

        private final transient Constructor<?> constructor;

        Deserializer(Class<?> type) {
            super(type);
            this.constructor = canonicalConstructor(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return create(constructor, p.getText(), p);
        }
    }

    /** Reads an identifier of one record type used as a map key. */
    static final class KeyReader extends KeyDeserializer {

        private final Constructor<?> constructor;

        KeyReader(Class<?> type) {
            this.constructor = canonicalConstructor(type);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return create(constructor, key, ctxt.getParser());
        }
    }
}
