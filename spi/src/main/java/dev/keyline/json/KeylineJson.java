package dev.keyline.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.Require;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Keyline's JSON: a configured Jackson {@code ObjectMapper} plus reading and writing that fail
 * with Keyline's exceptions instead of Jackson's.
 *
 * <p>The mapper ({@link #newObjectMapper()}) writes dates, instants and durations as ISO-8601
 * text, BigDecimals in plain notation, and uses {@link KeylineJacksonModule} for ids, money and
 * periods; {@link Audience} is an object without its unset parts. It reads strictly: unknown
 * properties, null for a primitive, numbers for enums, scalars of the wrong JSON type, trailing
 * tokens and duplicate keys all fail.
 *
 * <p>{@link #read(String, Class)} turns every failure into a {@link MalformedInputException} whose
 * message starts with the path of the offending field ({@code amount}, {@code items[2].amount};
 * {@code $} for the document itself) and says what was wrong with it; a record's compact
 * constructor rejecting a value surfaces the same way, naming the field it rejected.
 *
 * <p>Events are written with their record components; {@link #readEvent(String, String)} reads
 * one back by its stable type name through the {@link EventTypes} registry.
 */
public final class KeylineJson {

    private final ObjectMapper mapper;
    private final EventTypes eventTypes;

    private KeylineJson(ObjectMapper mapper, EventTypes eventTypes) {
        this.mapper = mapper;
        this.eventTypes = eventTypes;
    }

    /**
     * Keyline's JSON with a fresh registry that knows every event type of Keyline's areas
     * ({@link EventTypes#standard()}).
     *
     * @return Keyline's JSON
     */
    public static KeylineJson create() {
        return new KeylineJson(newObjectMapper(), EventTypes.standard());
    }

    /**
     * Keyline's JSON reading events through the given registry.
     *
     * @param eventTypes the registry that maps type names to event classes
     * @return Keyline's JSON
     */
    public static KeylineJson create(EventTypes eventTypes) {
        return new KeylineJson(newObjectMapper(), Require.nonNull(eventTypes, "eventTypes"));
    }

    /**
     * {@return a new {@code ObjectMapper} configured as described on this type, for a host's own
     * use} Its instants are written as {@code DateTimeFormatter.ISO_INSTANT} writes them, by a
     * serializer that composes the text directly (the outbox writes every event's instants); a
     * {@code @JsonFormat} or {@code WRITE_DATES_AS_TIMESTAMPS} still applies as with Jackson's own.
     */
    public static ObjectMapper newObjectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new KeylineJacksonModule())
                .addModule(new SimpleModule("keyline-instants").addSerializer(Instant.class, new IsoInstantSerializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.configOverride(Audience.class).setInclude(JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        return mapper;
    }

    /**
     * {@return the mapper this instance uses; hosts must not reconfigure it (use {@link
     * #newObjectMapper()})}
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** {@return the event type registry {@link #readEvent(String, String)} uses} */
    public EventTypes eventTypes() {
        return eventTypes;
    }

    /**
     * {@code value} as JSON.
     *
     * @param value the value to write
     * @return the JSON text
     * @throws SerialisationException when it cannot be written
     */
    public String write(Object value) {
        Require.nonNull(value, "value");
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SerialisationException("cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a {@code type} from {@code json}.
     *
     * @param <T> the type of the value read
     * @param json the JSON text
     * @param type the type to read
     * @return the value read
     * @throws MalformedInputException naming the field path and the problem
     */
    public <T> T read(String json, Class<T> type) {
        Require.nonNull(type, "type");
        return read(json, mapper.constructType(type));
    }

    /**
     * Reads a generic type, for example {@code List<Money>}, from {@code json}.
     *
     * @param <T> the type of the value read
     * @param json the JSON text
     * @param type the type to read
     * @return the value read
     * @throws MalformedInputException naming the field path and the problem
     */
    public <T> T read(String json, TypeReference<T> type) {
        Require.nonNull(type, "type");
        return read(json, mapper.constructType(type));
    }

    private <T> T read(String json, JavaType type) {
        Require.nonNull(json, "json");
        // translate while the parser is open, so the failure can say what token it met
        try (JsonParser parser = mapper.createParser(json)) {
            try {
                return mapper.readValue(parser, type);
            } catch (JsonProcessingException e) {
                throw malformed(e, type);
            }
        } catch (java.io.IOException e) {
            throw new MalformedInputException("$: cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * {@return an event as JSON, registering its type name for its class in {@link #eventTypes()}}
     *
     * @param event the event to write
     * @throws SerialisationException when it cannot be written, or its type name is registered for another class
     */
    public String writeEvent(DomainEvent event) {
        Require.nonNull(event, "event");
        eventTypes.register(event);
        return write(event);
    }

    /**
     * Reads an event of the given stable type name.
     *
     * @param type the event's type name, registered in {@link #eventTypes()}
     * @param json the event's JSON
     * @return the event
     * @throws MalformedInputException when the type is unknown, the JSON is the literal {@code null}, or the
     *     JSON is malformed (naming the field)
     */
    public DomainEvent readEvent(String type, String json) {
        Require.nonBlank(type, "type");
        Require.nonNull(json, "json");
        Class<? extends DomainEvent> eventClass = eventTypes.classOf(type).orElseThrow(() ->
                new MalformedInputException("type: unknown event type '" + type + "'; known: " + eventTypes.types()));
        DomainEvent event = read(json, eventClass);
        if (event == null) {
            throw new MalformedInputException("$: is null, not an event of type '" + type + "'");
        }
        if (!type.equals(event.type())) {
            throw new MalformedInputException("type: the JSON read as an event of type '" + event.type()
                    + "', not '" + type + "'");
        }
        return event;
    }

    /** Translates a Jackson failure into a message naming the path and the problem. */
    static MalformedInputException malformed(JsonProcessingException e, JavaType target) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String problem;
        KeylineException rejection = keylineCause(e);
        if (rejection != null) {
            String text = withoutCode(rejection);
            if (rejection instanceof InvalidArgumentException invalid) {
                String argumentPrefix = invalid.argument() + ": ";
                if (text.startsWith(argumentPrefix)) {
                    text = text.substring(argumentPrefix.length());
                }
                // an element of a list component is named like "approvedBy[1]"
                String argument = invalid.argument();
                int bracket = argument.indexOf('[');
                String component = bracket < 0 ? argument : argument.substring(0, bracket);
                if (e instanceof ValueInstantiationException vie && isComponent(vie.getType(), component)) {
                    path = join(path, argument);
                }
            }
            problem = text;
        } else if (e instanceof UnrecognizedPropertyException u) {
            problem = "is not a property of " + u.getReferringClass().getSimpleName()
                    + " (known: " + u.getKnownPropertyIds() + ")";
        } else if (e instanceof InvalidNullException
                || (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Cannot map `null`"))) {
            problem = "must not be null";
        } else if (e instanceof InvalidFormatException f) {
            problem = "cannot read " + describe(f.getValue()) + " as " + simpleName(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null
                && m.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
            problem = "cannot read " + describe(parser) + " as " + kind(m.getTargetType());
        } else if (e instanceof MismatchedInputException m) {
            problem = firstLine(m.getOriginalMessage());
        } else if (e instanceof JsonParseException p) {
            problem = "not valid JSON: " + firstLine(p.getOriginalMessage())
                    + (p.getLocation() == null ? "" : " (line " + p.getLocation().getLineNr()
                    + ", column " + p.getLocation().getColumnNr() + ")");
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        String where = path.isEmpty() ? "$" : path;
        return new MalformedInputException(where + ": " + problem + " (reading " + simpleName(target.getRawClass()) + ")", e);
    }

    private static String describe(JsonParser p) {
        try {
            return switch (p.currentToken()) {
                case VALUE_STRING -> "the string '" + p.getText() + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                case START_ARRAY -> "an array";
                case START_OBJECT, FIELD_NAME -> "an object";
                default -> p.currentToken().toString();
            };
        } catch (java.io.IOException ex) {
            return p.currentToken().toString();
        }
    }

    private static String kind(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return simpleName(type);
    }

    private static boolean isComponent(JavaType type, String name) {
        if (type == null || !type.getRawClass().isRecord()) {
            return false;
        }
        return Arrays.stream(type.getRawClass().getRecordComponents()).map(RecordComponent::getName)
                .anyMatch(name::equals);
    }

    private static KeylineException keylineCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof KeylineException k) {
                return k;
            }
        }
        return null;
    }

    private static String withoutCode(KeylineException e) {
        String message = e.getMessage();
        String prefix = e.reason().code() + " ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "malformed";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
