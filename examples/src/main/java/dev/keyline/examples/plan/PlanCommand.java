package dev.keyline.examples.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ScheduledStage;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageSchedule;
import dev.keyline.examples.CliCommand;
import dev.keyline.examples.KeylineCli;
import dev.keyline.examples.ExitStatus;
import dev.keyline.json.SerialisationException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plan --stages FILE.json --start INSTANT}: lays a provisioning plan, a DAG of stages, on
 * calendar days from INSTANT and prints
 * <pre>{@code
 * {"start":"…","committedCompletion":"…","totalDays":"6.5","criticalPath":["order",…],
 *  "stages":[{"id":"order","earliestStart":"…","earliestFinish":"…"},…]}
 * }</pre>
 * on one line: the committed completion is the start plus the plan's longest path
 * ({@link StagePlan#committedCompletion}), {@code totalDays} the longest path in days, the
 * critical path one chain of stages, each a predecessor of the next, whose days sum to it, and
 * every stage's earliest start and finish in the order the file gives them.
 *
 * <p>The file reads {@code {"stages":[{"id":"order","days":0.5,"after":[]},…]}}: each stage has
 * exactly the fields {@code id} (a stage id), {@code days} (a JSON number above 0, decimals
 * allowed, a day being 24 hours) and {@code after} (the ids of the stages it waits for). INSTANT
 * is an ISO-8601 instant in UTC, such as {@code 2026-03-02T09:00:00Z}. Bad input (malformed
 * JSON, an unknown, missing or mistyped field, a duplicate id, an unknown predecessor, a cycle,
 * days not above 0, a bad INSTANT, a file that cannot be read) ends with exit status 2, a message
 * on stderr naming the stages or the field at fault, and nothing on stdout.
 */
@Command(name = "plan", sortOptions = false,
        customSynopsis = KeylineCli.PROGRAM + " plan --stages FILE.json --start INSTANT",
        description = {"Lay a provisioning plan of parallel stages on the calendar and print its committed completion "
                + "and critical path as JSON",
            "",
            "Reads a provisioning plan, a DAG of stages, and prints when it is committed to be complete if it starts "
                    + "at INSTANT, on calendar days of 24 hours:",
            "  {\"start\":\"...\",\"committedCompletion\":\"...\",\"totalDays\":\"6.5\",\"criticalPath\":[\"order\",...],",
            "   \"stages\":[{\"id\":\"order\",\"earliestStart\":\"...\",\"earliestFinish\":\"...\"},...]}",
            ""},
        footer = {"%nA stage starts when all the stages it comes after are done, so stages that do not wait for each "
                + "other run in parallel. The committed completion is the start plus the longest path; the critical "
                + "path is one chain of stages, each after the one before, whose days add up to totalDays.",
            "%nExit status: 0 done; 2 bad input (malformed JSON, an unknown or missing field, a duplicate id, an "
                    + "unknown predecessor, a cycle, days not above 0, a bad INSTANT; message on stderr naming the "
                    + "file, the line and column, and the stages or field, nothing on stdout)."})
public final class PlanCommand implements CliCommand {

    private static final String STAGES = "--stages";
    private static final String START = "--start";
    private static final Set<String> ROOT_FIELDS = Set.of("stages");
    private static final Set<String> STAGE_FIELDS = Set.of("id", "days", "after");
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonFactory FACTORY = new JsonFactory();
    /** An error's argument: {@code stages[1]}, {@code stages[1] (stage b).days}, {@code stages[0].after[2]}. */
    private static final Pattern ARGUMENT = Pattern.compile("stages\\[(\\d+)](?: \\(stage [^)]*\\))?(?:\\.(\\w+)(?:\\[(\\d+)])?)?");

    @Option(names = STAGES, paramLabel = "FILE.json", required = true, description = {
        "the stages, in UTF-8:",
        "{\"stages\":[{\"id\":\"order\",\"days\":0.5,\"after\":[]},",
        "           {\"id\":\"local\",\"days\":1,\"after\":[\"order\"]}]}",
        "each with exactly id, days (a number above 0, decimals allowed) and after (the ids it waits for)"})
    private String stages;

    @Option(names = START, paramLabel = "INSTANT", required = true,
            description = "when the order starts, ISO-8601 in UTC (2026-03-02T09:00:00Z)")
    private String start;

    /** A plan command. */
    public PlanCommand() {
    }

    @Override
    public int execute(PrintStream out, PrintStream err) {
        Require.nonNull(out, "out");
        Require.nonNull(err, "err");
        try {
            Instant from = start(start);
            String text = read(stages);
            StagePlan plan;
            try {
                plan = plan(text);
            } catch (InvalidArgumentException e) {
                err.println("keyline plan: " + stages + where(text, e.argument()) + ": " + e.getMessage());
                return ExitStatus.BAD_INPUT;
            }
            out.println(json(plan, plan.schedule(from, BusinessCalendar.allDays(ZoneOffset.UTC))));
            return ExitStatus.OK;
        } catch (KeylineException e) {
            err.println("keyline plan: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
    }

    /**
     * Where in the file the field an error names stands: {@code " line L, column C"} of the field's
     * name, the array element or the nearest enclosing one that is present; empty for errors about
     * the file as a whole ({@code --stages}, whose message says where when it can).
     *
     * @param text the file's JSON
     * @param argument the argument an error names, such as {@code stages[1] (stage b).after[0]}
     * @return the place, or an empty string
     */
    static String where(String text, String argument) {
        if (argument.equals(STAGES)) {
            return "";
        }
        Matcher m = ARGUMENT.matcher(argument);
        List<String> pointers = new ArrayList<>();
        if (m.matches()) {
            String stage = "/stages/" + m.group(1);
            if (m.group(2) != null && m.group(3) != null) {
                pointers.add(stage + "/" + m.group(2) + "/" + m.group(3));
            }
            if (m.group(2) != null) {
                pointers.add(stage + "/" + m.group(2));
            }
            pointers.add(stage);
        } else if (!argument.contains("[") && !argument.contains(" ")) {
            pointers.add("/" + argument);
        }
        pointers.add("/stages");
        pointers.add("");
        Map<String, JsonLocation> places = places(text);
        for (String pointer : pointers) {
            JsonLocation place = places.get(pointer);
            if (place != null) {
                return " line " + place.getLineNr() + ", column " + place.getColumnNr();
            }
        }
        return "";
    }

    /** Where each field name, array element and the root start, by JSON pointer. */
    private static Map<String, JsonLocation> places(String text) {
        Map<String, JsonLocation> places = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                if (token.isStructStart()) {
                    context = context.getParent();
                } else if (token.isStructEnd()) {
                    continue;
                }
                places.putIfAbsent(context == null || context.inRoot() ? "" : context.pathAsPointer().toString(),
                        parser.currentTokenLocation());
            }
        } catch (IOException e) {
            // the text was parsed before, so this does not happen; the places found so far serve
        }
        return places;
    }

    /**
     * Reads INSTANT: an ISO-8601 instant in UTC, ending in {@code Z}.
     *
     * @param text the option's value
     * @return the instant
     * @throws InvalidArgumentException naming {@code --start} when the text is not such an instant
     */
    static Instant start(String text) {
        try {
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidArgumentException(START, "must be an ISO-8601 instant in UTC such as 2026-03-02T09:00:00Z, but was '"
                + text + "'");
    }

    private static String read(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidArgumentException(STAGES, "'" + file + "' is not a valid path: " + e.getReason());
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidArgumentException(STAGES, "file '" + file + "' does not exist");
        } catch (AccessDeniedException e) {
            throw new InvalidArgumentException(STAGES, "file '" + file + "' cannot be read: permission denied");
        } catch (MalformedInputException e) {
            throw new InvalidArgumentException(STAGES, "file '" + file + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidArgumentException(STAGES, "file '" + file + "' cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads the plan from the file's text.
     *
     * @param text the JSON
     * @return the validated plan
     * @throws InvalidArgumentException naming the field at fault, or the stages of a cycle, of a
     *     duplicate id or of an unknown predecessor
     */
    static StagePlan plan(String text) {
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidArgumentException(STAGES, "malformed JSON" + at + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidArgumentException(STAGES, "must hold a JSON object {\"stages\":[…]}");
        }
        onlyFields(root, ROOT_FIELDS, "the top level");
        JsonNode stages = root.get("stages");
        if (stages == null) {
            throw new InvalidArgumentException("stages", "is missing; the file reads {\"stages\":[{\"id\":…,\"days\":…,\"after\":[…]},…]}");
        }
        if (!stages.isArray()) {
            throw new InvalidArgumentException("stages", "must be an array of stages");
        }
        List<PlannedStage> planned = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            planned.add(stage(stages.get(i), "stages[" + i + "]"));
        }
        Set<StageId> ids = new HashSet<>();
        for (int i = 0; i < planned.size(); i++) {
            if (!ids.add(planned.get(i).id())) {
                throw new InvalidArgumentException("stages[" + i + "].id", "stage id " + planned.get(i).id()
                        + " is used more than once");
            }
        }
        for (int i = 0; i < planned.size(); i++) {
            PlannedStage stage = planned.get(i);
            for (int j = 0; j < stage.after().size(); j++) {
                StageId predecessor = stage.after().get(j);
                if (!ids.contains(predecessor)) {
                    throw new InvalidArgumentException("stages[" + i + "] (stage " + stage.id() + ").after[" + j + "]",
                            "stage " + stage.id() + " comes after " + predecessor + ", which is not a stage of the plan");
                }
            }
        }
        return StagePlan.of(planned);
    }

    private static PlannedStage stage(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidArgumentException(where, "must be an object {\"id\":…,\"days\":…,\"after\":[…]}");
        }
        onlyFields(node, STAGE_FIELDS, where);
        for (String field : List.of("id", "days", "after")) {
            if (!node.has(field)) {
                throw new InvalidArgumentException(where + "." + field, "is missing");
            }
        }
        JsonNode idNode = node.get("id");
        if (!idNode.isTextual()) {
            throw new InvalidArgumentException(where + ".id", "must be a string, was " + idNode);
        }
        StageId id;
        try {
            id = new StageId(idNode.textValue());
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(where + ".id", "is not a valid stage id: " + e.getMessage());
        }
        String at = where + " (stage " + id + ")";
        JsonNode daysNode = node.get("days");
        if (!daysNode.isNumber()) {
            throw new InvalidArgumentException(at + ".days", "must be a number above 0 such as 1 or 0.5, was " + daysNode);
        }
        BigDecimal days = daysNode.decimalValue();
        if (days.signum() <= 0) {
            throw new InvalidArgumentException(at + ".days", "must be above 0, was " + days.toPlainString());
        }
        JsonNode afterNode = node.get("after");
        if (!afterNode.isArray()) {
            throw new InvalidArgumentException(at + ".after", "must be an array of stage ids, was " + afterNode);
        }
        List<StageId> after = new ArrayList<>(afterNode.size());
        for (int j = 0; j < afterNode.size(); j++) {
            JsonNode p = afterNode.get(j);
            if (!p.isTextual()) {
                throw new InvalidArgumentException(at + ".after[" + j + "]", "must be a stage id string, was " + p);
            }
            try {
                after.add(new StageId(p.textValue()));
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(at + ".after[" + j + "]", "is not a valid stage id: " + e.getMessage());
            }
        }
        try {
            return PlannedStage.ofDays(id, days, after);
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(at, e.getMessage());
        }
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidArgumentException(where.equals("the top level") ? name : where + "." + name,
                        "unknown field in " + where + "; expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /**
     * The command's JSON of a schedule, on one line.
     *
     * @param plan the plan
     * @param schedule the plan laid on the calendar
     * @return the JSON text
     */
    static String json(StagePlan plan, StageSchedule schedule) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("start", schedule.start().toString());
            json.writeStringField("committedCompletion", schedule.committedCompletion().toString());
            json.writeStringField("totalDays", PlannedStage.daysOf(plan.longestPath()).toPlainString());
            json.writeArrayFieldStart("criticalPath");
            for (StageId id : plan.criticalPath()) {
                json.writeString(id.value());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("stages");
            for (ScheduledStage stage : schedule.stages()) {
                json.writeStartObject();
                json.writeStringField("id", stage.id().value());
                json.writeStringField("earliestStart", stage.earliestStart().toString());
                json.writeStringField("earliestFinish", stage.earliestFinish().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // a StringWriter does not fail, so this is a bug in the writing
            throw new SerialisationException("writing the plan JSON failed", e);
        }
        return text.toString();
    }
}
