package dev.keyline.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Require;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Jackson module for Keyline's values, registered by {@link KeylineJson#newObjectMapper()}
 * and usable in a host's own {@code ObjectMapper}.
 *
 * <p>Forms: every {@code Identifier} record (one String component {@code value}) is a plain JSON
 * string, read back through its canonical constructor, so new id types need no registration, and
 * likewise as a map key; {@link EventId} is its UUID string; {@code Money} is
 * {@code {"amount":"12.30","currency":"CNY"}} with the amount as a plain decimal string;
 * {@code Period} is {@code "2026-03"}, {@code "2026-Q1"} or {@code "2026"}, also as a map key;
 * {@code Audience} is an ordinary object. Records are written
 * with their components only (never extra accessors such as {@code isZero()}), so every record
 * reads back through its canonical constructor, which validates it. A value declared as a sealed
 * interface implemented by records (a tier change's cause, for example) carries a property
 * {@code "@type"} with the simple name of its record, for example
 * {@code {"@type":"ManualOverride","reason":"...","approvedBy":"chen"}}.
 */
public final class KeylineJacksonModule extends Module {

    /** A module instance; modules hold no state a mapper could share wrongly. */
    public KeylineJacksonModule() {
    }

    @Override
    public String getModuleName() {
        return "keyline";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object getTypeId() {
        return KeylineJacksonModule.class.getName();
    }

    @Override
    public void setupModule(SetupContext context) {
        Require.nonNull(context, "context");
        context.addSerializers(new KeylineSerializers());
        context.addKeySerializers(new KeylineKeySerializers());
        context.addDeserializers(new KeylineDeserializers());
        context.addKeyDeserializers(new KeylineKeyDeserializers());
        context.addBeanSerializerModifier(new RecordComponentsOnly());
        context.insertAnnotationIntrospector(new SealedRecordTypes());
    }

    /** Finds the serializers of Keyline's values. */
    private static final class KeylineSerializers extends Serializers.Base {

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (IdentifierCodec.handles(raw)) {
                return new IdentifierCodec.Serializer();
            }
            if (raw == EventId.class) {
                return new EventIdSerializer();
            }
            return KernelValueCodecs.serializer(raw);
        }
    }

    /** Finds the map-key serializers of Keyline's values. */
    private static final class KeylineKeySerializers extends Serializers.Base {

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            return IdentifierCodec.handles(raw) ? new IdentifierCodec.KeySerializer() : KernelValueCodecs.keySerializer(raw);
        }
    }

    /** Finds the deserializers of Keyline's values; one per identifier class, kept. */
    private static final class KeylineDeserializers extends Deserializers.Base {

        private final Map<Class<?>, JsonDeserializer<?>> identifiers = new ConcurrentHashMap<>();

        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                        BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (IdentifierCodec.handles(raw)) {
                return identifiers.computeIfAbsent(raw, IdentifierCodec.Deserializer::new);
            }
            if (raw == EventId.class) {
                return new EventIdDeserializer();
            }
            return KernelValueCodecs.deserializer(raw);
        }
    }

    /** Finds the map-key deserializers of identifiers and periods. */
    private static final class KeylineKeyDeserializers implements KeyDeserializers {

        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            return IdentifierCodec.handles(raw) ? new IdentifierCodec.KeyReader(raw) : KernelValueCodecs.keyDeserializer(raw);
        }
    }

    /** Keeps a record's serialised properties to its components. */
    private static final class RecordComponentsOnly extends BeanSerializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                                                         List<BeanPropertyWriter> beanProperties) {
            Class<?> type = beanDesc.getBeanClass();
            if (!type.isRecord()) {
                return beanProperties;
            }
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            beanProperties.removeIf(p -> !components.contains(p.getName()));
            return beanProperties;
        }
    }

    /** Writes an event id as its UUID text. */
    private static final class EventIdSerializer extends StdSerializer<EventId> {

        private static final long serialVersionUID = 1L;

        EventIdSerializer() {
            super(EventId.class);
        }

        @Override
        public void serialize(EventId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.value().toString());
        }
    }

    /** Reads an event id from its UUID text. */
    private static final class EventIdDeserializer extends StdDeserializer<EventId> {

        private static final long serialVersionUID = 1L;

        EventIdDeserializer() {
            super(EventId.class);
        }

        @Override
        public EventId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (EventId) ctxt.handleUnexpectedToken(EventId.class, p);
            }
            try {
                return EventId.parse(p.getText());
            } catch (KeylineException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
