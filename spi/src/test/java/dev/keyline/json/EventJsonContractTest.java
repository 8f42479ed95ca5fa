package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JSON of every event is a public contract (webhooks deliver it), so each registered event
 * type has an expected file, {@code dev/keyline/json/events/<type>.json} under the test resources,
 * and a fixed sample of the type must write exactly that JSON (compared canonically: object keys
 * sorted, numbers with their exact text). A payload change therefore changes a file on purpose.
 * A registered type without a sample or without a file, or a file of no registered type, fails
 * naming it. {@code docs/notifications.md} lists every type with its payload fields.
 *
 * <p>To write the files after a deliberate payload change, run this test once with
 * {@code -Dkeyline.writeEventJson=true}, then review and commit the changed files.
 */
class EventJsonContractTest {

    private static final String RESOURCES = "dev/keyline/json/events/";
    private static final Path SOURCE_DIRECTORY = Path.of("src", "test", "resources", "dev", "keyline", "json", "events");
    private static final Path NOTIFICATIONS_DOC = Path.of("..", "docs", "notifications.md");

    /** Reads JSON keeping every decimal's exact text, so 0.10 and 0.1 differ. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    @Test
    void everyRegisteredEventTypeWritesExactlyItsExpectedJson() throws IOException {
        Map<String, DomainEvent> samples = samples();
        TreeSet<String> registered = keylineTypes();
        TreeSet<String> withoutSample = new TreeSet<>(registered);
        withoutSample.removeAll(samples.keySet());
        assertThat(withoutSample).as("registered event types without a sample").isEmpty();

        KeylineJson json = KeylineJson.create();
        List<String> problems = new ArrayList<>();
        boolean write = Boolean.getBoolean("keyline.writeEventJson");
        for (String type : registered) {
            String actual = canonical(json.writeEvent(samples.get(type)));
            if (write) {
                Files.createDirectories(SOURCE_DIRECTORY);
                Files.writeString(SOURCE_DIRECTORY.resolve(type + ".json"), actual, StandardCharsets.UTF_8);
                continue;
            }
            String expected = expected(type);
            if (expected == null) {
                problems.add(type + ": no expected file " + RESOURCES + type + ".json; it would hold:\n" + actual);
            } else if (!canonical(expected).equals(actual)) {
                problems.add(type + ": the payload differs from " + RESOURCES + type + ".json; expected\n"
                        + canonical(expected) + "\nbut was\n" + actual);
            }
        }
        assertThat(problems).as("event types whose JSON is not the published one").isEmpty();
    }

    @Test
    void everyExpectedFileBelongsToARegisteredEventType() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (var listing = Files.list(SOURCE_DIRECTORY)) {
            listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".json".length())));
        }
        files.removeAll(keylineTypes());
        assertThat(files).as("expected event JSON files of no registered event type").isEmpty();
    }

    @Test
    void theNotificationsGuideListsEveryEventTypeWithItsPayloadFields() throws IOException {
        List<String> lines = Files.readAllLines(NOTIFICATIONS_DOC, StandardCharsets.UTF_8);
        Map<String, DomainEvent> samples = samples();
        KeylineJson json = KeylineJson.create();
        List<String> problems = new ArrayList<>();
        for (String type : keylineTypes()) {
            List<String> rows = lines.stream().filter(l -> l.startsWith("| `" + type + "` |")).toList();
            if (rows.size() != 1) {
                problems.add(type + ": expected one row starting with | `" + type + "` | but found " + rows.size());
                continue;
            }
            Iterator<String> fields = EXACT.readTree(json.writeEvent(samples.get(type))).fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                if (!rows.get(0).contains("`" + field + "`")) {
                    problems.add(type + ": the row does not list the payload field `" + field + "`");
                }
            }
        }
        lines.stream().filter(l -> l.matches("\\| `[a-z-]+\\.[a-z-]+` \\|.*"))
                .map(l -> l.substring(3, l.indexOf('`', 3)))
                .filter(t -> !keylineTypes().contains(t))
                .forEach(t -> problems.add(t + ": listed in the guide but not a registered event type"));
        assertThat(problems).as("event types missing from or wrong in docs/notifications.md").isEmpty();
    }

    /**
     * The event types of Keyline's own areas: every registered type whose record lives in a
     * {@code dev.keyline} package. Areas a host (or this test suite) adds are theirs to publish.
     */
    private static TreeSet<String> keylineTypes() {
        EventTypes registry = EventTypes.standard();
        TreeSet<String> types = new TreeSet<>();
        for (String type : registry.types()) {
            if (registry.classOf(type).orElseThrow().getName().startsWith("dev.keyline.")) {
                types.add(type);
            }
        }
        return types;
    }

    /** The first event of each type the area samples raise, with an event id fixed by its type. */
    private static Map<String, DomainEvent> samples() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        for (DomainEvent event : new AreaEventSamples().events) {
            samples.putIfAbsent(event.type(), withFixedId(event));
        }
        return samples;
    }

    private static DomainEvent withFixedId(DomainEvent event) {
        EventId fixed = new EventId(UUID.nameUUIDFromBytes(event.type().getBytes(StandardCharsets.UTF_8)));
        RecordComponent[] components = event.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getType() == EventId.class ? fixed : components[i].getAccessor().invoke(event);
            }
            Constructor<? extends DomainEvent> canonical = event.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + event.type() + " with a fixed event id", e);
        }
    }

    private static String expected(String type) {
        try (InputStream in = EventJsonContractTest.class.getClassLoader().getResourceAsStream(RESOURCES + type + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON with object keys sorted, pretty-printed, every number in its exact text. */
    private static String canonical(String text) {
        try {
            return EXACT.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(EXACT.readTree(text)))
                    .replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = EXACT.createObjectNode();
            new TreeSet<>(iterable(node.fieldNames())).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = EXACT.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
