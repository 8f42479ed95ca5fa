package dev.keyline.json.tmf;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reading helpers over a Jackson tree that name the field at fault in every error. */
final class TmfNodes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The fields every TMF entity may carry for sub-classing, which Keyline accepts and ignores. */
    static final Set<String> EXTENSIBLE = Set.of("@baseType", "@schemaLocation", "@type");

    private TmfNodes() {
    }

    /** Parses the text into an object node; {@code what} names the document in errors. */
    static ObjectNode parseObject(String json, String what) {
        Require.nonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedInputException("a " + what + " is not well-formed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new MalformedInputException("a " + what + " must be a JSON object");
        }
        return (ObjectNode) root;
    }

    /**
     * Refuses every field of the object not in {@code taken}: fields the specification defines but
     * Keyline does not take ({@code known}) are "not taken", the others "unknown".
     */
    static void onlyFields(ObjectNode node, String path, Set<String> taken, Set<String> known, String definition) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (taken.contains(name) || EXTENSIBLE.contains(name)) {
                continue;
            }
            if (known.contains(name)) {
                throw new MalformedInputException("field '" + join(path, name) + "' of " + definition
                        + " is not taken by Keyline; leave it out");
            }
            throw new MalformedInputException("unknown field '" + join(path, name) + "': " + definition
                    + " defines no such field");
        }
    }

    static String requiredText(ObjectNode node, String path, String name) {
        String text = optionalText(node, path, name);
        if (text == null) {
            throw new MalformedInputException("missing field '" + join(path, name) + "'");
        }
        return text;
    }

    static String optionalText(ObjectNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedInputException("field '" + join(path, name) + "' must be a string, not "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (value.asText().isBlank()) {
            throw new MalformedInputException("field '" + join(path, name) + "' must not be blank");
        }
        return value.asText();
    }

    static Instant requiredInstant(ObjectNode node, String path, String name) {
        Instant at = optionalInstant(node, path, name);
        if (at == null) {
            throw new MalformedInputException("missing field '" + join(path, name) + "'");
        }
        return at;
    }

    static Instant optionalInstant(ObjectNode node, String path, String name) {
        String text = optionalText(node, path, name);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedInputException("field '" + join(path, name) + "' must be an RFC 3339 date-time, not '"
                    + text + "'", e);
        }
    }

    static ObjectNode requiredObject(ObjectNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedInputException("missing field '" + join(path, name) + "'");
        }
        if (!value.isObject()) {
            throw new MalformedInputException("field '" + join(path, name) + "' must be an object");
        }
        return (ObjectNode) value;
    }

    /** The elements of an array field, each an object; empty when the field is absent. */
    static List<ObjectNode> objects(ObjectNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new MalformedInputException("field '" + join(path, name) + "' must be an array");
        }
        List<ObjectNode> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw new MalformedInputException("field '" + join(path, name) + "[" + i + "]' must be an object");
            }
            elements.add((ObjectNode) value.get(i));
        }
        return elements;
    }

    /** Converts a text field's value, turning a Keyline refusal into a malformed-input error naming the field. */
    static <T> T convert(String text, String field, Function<String, T> conversion) {
        try {
            return conversion.apply(text);
        } catch (KeylineException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedInputException("field '" + field + "' has an invalid value '" + text + "': "
                    + e.getMessage(), e);
        }
    }

    /** Runs a conversion, turning a Keyline refusal into a malformed-input error naming the field. */
    static <T> T attempt(String field, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (KeylineException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedInputException("field '" + field + "' is invalid: " + e.getMessage(), e);
        }
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
