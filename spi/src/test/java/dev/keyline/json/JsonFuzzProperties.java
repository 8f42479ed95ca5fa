package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.json.tmf.Tmf621;
import dev.keyline.json.tmf.Tmf641;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The "Fuzz" reliability suite for the JSON mapping: random and mutated JSON for every event type
 * of every area, the areas' aggregate snapshots, kernel values and the TMF 621 and TMF 641
 * mappings. Whatever the input, a read either succeeds or fails with a Keyline exception
 * ({@code MalformedInputException}, {@code InvalidArgumentException}, {@link SerialisationException}
 * ...), never with a {@code NullPointerException}, a {@code ClassCastException}, an index error or
 * any other exception. The seed is fixed; {@code -Dkeyline.fuzz.examples=N} raises the count of
 * inputs per target group (default 2,000).
 */
class JsonFuzzProperties {

    private static final int EXAMPLES = Integer.getInteger("keyline.fuzz.examples", 2_000);
    private static final long SEED = 20261203L;
    private static final AtomicLong FUZZED = new AtomicLong();
    private static final ObjectMapper TREE = new ObjectMapper();

    private final KeylineJson json = KeylineJson.create();

    /** A reader under test and a valid JSON text it reads, the seed of the mutations. */
    private record Target(String name, String valid, Function<String, Object> read) {
    }

    private List<Target> eventTargets() {
        AreaEventSamples samples = new AreaEventSamples();
        List<Target> targets = new ArrayList<>();
        for (DomainEvent event : samples.events) {
            String type = event.type();
            targets.add(new Target("event " + type, json.writeEvent(event), text -> json.readEvent(type, text)));
        }
        return targets;
    }

    private List<Target> snapshotAndValueTargets() {
        AreaEventSamples s = new AreaEventSamples();
        List<Target> targets = new ArrayList<>();
        for (Object snapshot : List.of(s.account.snapshot(), s.plan.snapshot(), s.floors.snapshot(),
                s.requests.get(0).snapshot(), s.spares.snapshot(), s.sla.snapshot(), s.fault.snapshot(),
                s.capex.snapshot(), s.provisioning.snapshot(), s.pool.snapshot(),
                dev.keyline.domain.staff.StaffSamples.staffing().snapshot(),
                dev.keyline.domain.staff.StaffSamples.ledger().snapshot(), Money.cny("1234.50"),
                new AccountId("A-1"))) {
            Class<?> type = snapshot.getClass();
            targets.add(new Target(type.getSimpleName(), json.write(snapshot), text -> json.read(text, type)));
        }
        String ticket = Tmf621.troubleTicketJson(s.fault.snapshot());
        String order = Tmf641.serviceOrderJson(s.provisioning.snapshot());
        targets.add(new Target("TMF621 trouble ticket", ticket, Tmf621::readTroubleTicket));
        targets.add(new Target("TMF621 create", ticket, Tmf621::readCreate));
        targets.add(new Target("TMF641 service order", order, Tmf641::readServiceOrder));
        targets.add(new Target("TMF641 create", order, Tmf641::readCreate));
        return targets;
    }

    @Test
    void everyRegisteredEventTypeIsFuzzed() {
        assertThat(eventTargets().stream().map(t -> t.name().substring("event ".length())).distinct().sorted().toList())
                .containsExactlyElementsOf(EventTypes.standard().types().stream()
                        .filter(type -> !type.startsWith("notes.")).toList()); // a host's own example area, on the test path
    }

    @Test
    void theLiteralNullIsNoEvent() {
        assertThat(catchThrowable(() -> json.readEvent("account.registered", "null")))
                .isInstanceOf(dev.keyline.domain.common.MalformedInputException.class)
                .hasMessageContaining("account.registered");
    }

    @Test
    void mutatedEventsFailOnlyWithKeylineExceptions() {
        fuzz(eventTargets());
    }

    @Test
    void mutatedSnapshotsValuesAndTmfDocumentsFailOnlyWithKeylineExceptions() {
        fuzz(snapshotAndValueTargets());
    }

    @Test
    void randomTextFailsOnlyWithKeylineExceptions() {
        List<Target> targets = new ArrayList<>(eventTargets());
        targets.addAll(snapshotAndValueTargets());
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(integers().between(0, targets.size() - 1), longs().all())
                .checkAssert((index, seed) -> {
                    Target target = targets.get(index);
                    String text = randomJson(new Random(seed), 3).toString();
                    assertOnlyKeylineFailures(target, text);
                });
    }

    private void fuzz(List<Target> targets) {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(integers().between(0, targets.size() - 1), longs().all())
                .checkAssert((index, seed) -> {
                    Target target = targets.get(index);
                    Random random = new Random(seed);
                    String text = random.nextInt(4) == 0 ? mutateText(target.valid(), random)
                            : mutateTree(target.valid(), random);
                    assertOnlyKeylineFailures(target, text);
                });
    }

    private static void assertOnlyKeylineFailures(Target target, String text) {
        FUZZED.incrementAndGet();
        Throwable thrown = catchThrowable(() -> target.read().apply(text));
        if (thrown != null && !(thrown instanceof KeylineException)) {
            throw new AssertionError(target.name() + " failed with " + thrown + " on " + text, thrown);
        }
        assertThat(thrown == null || thrown.getMessage() != null && !thrown.getMessage().isBlank())
                .as("%s: a failure says what is wrong", target.name()).isTrue();
    }

    /** One to three edits of the text: a cut, a doubled piece, or a stray token. */
    private static String mutateText(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        String[] tokens = {"\"", "{", "}", "[", "]", ",", ":", "null", "-", "1e400", "\\u0000", "\uD83D", "é"};
        for (int i = 0, edits = 1 + random.nextInt(3); i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(16))));
                default -> text.insert(at, tokens[random.nextInt(tokens.length)]);
            }
        }
        return text.toString();
    }

    /** One to three edits of the parsed tree: a value replaced by a random one, a field removed, an element added. */
    private static String mutateTree(String valid, Random random) {
        JsonNode root;
        try {
            root = TREE.readTree(valid);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the seed is not JSON: " + valid, e);
        }
        for (int i = 0, edits = 1 + random.nextInt(3); i < edits; i++) {
            List<ContainerNode<?>> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                root = randomJson(random, 2); // a scalar seed, such as an identifier: replace it whole
                continue;
            }
            ContainerNode<?> container = containers.get(random.nextInt(containers.size()));
            if (container instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(4) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, randomJson(random, 1));
                }
            } else if (container instanceof ArrayNode array) {
                if (array.size() > 0 && random.nextBoolean()) {
                    array.set(random.nextInt(array.size()), randomJson(random, 1));
                } else {
                    array.add(randomJson(random, 1));
                }
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collect(it.next(), into);
        }
    }

    /** A random JSON value, nested up to {@code depth}. */
    private static JsonNode randomJson(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String[] strings = {"", " ", "x", "KL-1", "2026-13-45", "2026-03", "CNY", "XXX", "-1", "NaN", "null",
                "\u0000", "\uD83D\uDE00", "\u05E9\u05DC\u05D5\u05DD", "中文", "'; DROP TABLE x; --", "a".repeat(5000)};
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt(5) - 2);
            case 3 -> f.numberNode(random.nextLong());
            case 4 -> f.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(800) - 400)));
            case 5 -> f.numberNode(random.nextDouble() * 1e6);
            case 6 -> f.textNode(strings[random.nextInt(strings.length)]);
            case 7 -> {
                ArrayNode array = f.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(randomJson(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.set(List.of("id", "type", "amount", "currency", "version", "value", "state")
                            .get(random.nextInt(7)), randomJson(random, depth - 1));
                }
                yield object;
            }
        };
    }

    @AfterAll
    static void report() {
        System.out.println("JSON fuzz: " + FUZZED.get() + " inputs fuzzed");
    }

}
