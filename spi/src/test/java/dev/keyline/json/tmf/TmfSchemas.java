package dev.keyline.json.tmf;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates documents against a definition of a TM Forum swagger file (in the test resources,
 * as published): the schema is the file's whole {@code definitions} section with the one
 * definition as its root, so every {@code #/definitions/...} reference resolves inside the file.
 * Swagger 2.0 definitions are JSON Schema draft 4; format assertions ({@code date-time},
 * {@code uri}) are on.
 *
 * <p>A strict schema also sets {@code additionalProperties: false} on every object definition
 * (but TMF641's {@code ServiceOrderItemRef}, which requires an {@code id} it does not define), so a
 * document that validates strictly uses no field the specification does not define.
 */
final class TmfSchemas {

    static final String TMF621 = "tmf/TMF621-TroubleTicket-v4.0.0.swagger.json";
    static final String TMF641 = "tmf/TMF641-ServiceOrdering-v4.1.0.swagger.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private TmfSchemas() {
    }

    /** The validation errors of the document against the definition, as the specification states it. */
    static List<String> errors(String swagger, String definition, String document) {
        return validate(schema(swagger, definition, false), document);
    }

    /** The validation errors against the definition with no field beyond those the specification defines. */
    static List<String> strictErrors(String swagger, String definition, String document) {
        return validate(schema(swagger, definition, true), document);
    }

    private static List<String> validate(Schema schema, String document) {
        return schema.validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema schema(String swagger, String definition, boolean strict) {
        return SCHEMAS.computeIfAbsent(swagger + "#" + definition + "#" + strict, key -> {
            JsonNode spec = read(swagger);
            ObjectNode definitions = ((ObjectNode) spec.get("definitions")).deepCopy();
            if (!definitions.has(definition)) {
                throw new IllegalArgumentException(swagger + " has no definition " + definition);
            }
            if (strict) {
                for (java.util.Map.Entry<String, JsonNode> entry : definitions.properties()) {
                    JsonNode each = entry.getValue();
                    // TMF641's ServiceOrderItemRef requires an "id" it does not define; it stays open
                    boolean requiresUndefined = entry.getKey().equals("ServiceOrderItemRef");
                    if (each.has("properties") && !each.has("allOf") && !requiresUndefined) {
                        ((ObjectNode) each).put("additionalProperties", false);
                    }
                }
            }
            ObjectNode root = JSON.createObjectNode();
            root.set("definitions", definitions);
            root.putArray("allOf").addObject().put("$ref", "#/definitions/" + definition);
            return REGISTRY.getSchema(root);
        });
    }

    private static JsonNode read(String resource) {
        try (InputStream in = TmfSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
