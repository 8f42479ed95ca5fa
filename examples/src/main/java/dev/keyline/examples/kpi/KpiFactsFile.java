package dev.keyline.examples.kpi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.kpi.AccountFact;
import dev.keyline.domain.kpi.CapexFact;
import dev.keyline.domain.kpi.FaultFact;
import dev.keyline.domain.kpi.ForecastFact;
import dev.keyline.domain.kpi.KpiComputation;
import dev.keyline.domain.kpi.PoolFact;
import dev.keyline.domain.kpi.WorkOrderFact;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a facts file of the {@code kpi} command into a {@link KpiComputation}, one fact at a time,
 * so that a file of any size is read in constant memory.
 *
 * <p>The file is read twice: first for {@code period} and {@code zone}, which may stand anywhere
 * in the top-level object (and to find any malformed JSON before a fact is fed), then for the
 * facts. Every field the shape names must be given, with {@code null} allowed only for
 * {@code completed}, {@code resolved} and {@code leftOn}, and for the optional {@code zone} and
 * {@code capex}; unknown and repeated fields are refused, so that a misspelt name is not silently
 * ignored.
 */
final class KpiFactsFile {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP_LEVEL = Set.of("period", "zone", "workOrders", "faults", "accounts",
            "forecasts", "pools", "capex");
    private static final Set<String> FACT_LISTS = Set.of("workOrders", "faults", "accounts", "forecasts", "pools");

    private KpiFactsFile() {
    }

    /**
     * Reads the file and feeds its facts to a computation for its period and zone.
     *
     * @param file the facts file
     * @return the computation, fed
     * @throws KpiFactsException when the file is not of the expected shape, naming where
     * @throws IOException when the file cannot be read
     */
    static KpiComputation read(Path file) throws IOException {
        KpiComputation computation = header(file);
        try (InputStream in = Files.newInputStream(file); JsonParser json = FACTORY.createParser(in)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                    case "workOrders" -> eachObject(json, name, fields -> computation.accept(new WorkOrderFact(fields.id("id"), fields.instant("committed"),
                                fields.optionalInstant("completed")))); 
                    case "faults" -> eachObject(json, name, fields -> computation.accept(new FaultFact(fields.id("id"), fields.instant("deadline"),
                                fields.optionalInstant("resolved")))); 
                    case "accounts" -> eachObject(json, name, fields -> computation.accept(new AccountFact(fields.id("id"), fields.date("keySince"),
                                fields.optionalDate("leftOn")))); 
                    case "forecasts" -> eachObject(json, name, fields -> computation.accept(new ForecastFact(fields.id("product"), fields.month("month"),
                                fields.count("agreed"), fields.count("actual")))); 
                    case "pools" -> eachObject(json, name, fields -> computation.accept(new PoolFact(fields.id("id"), fields.count("capacity"),
                                fields.count("allocated")))); 
                    case "capex" -> {
                        if (json.currentToken() != JsonToken.VALUE_NULL) {
                            Fields fields = Fields.read(json, name);
                            fields.fact(() -> computation.accept(new CapexFact(Money.cny(fields.amount("budget")),
                                    Money.cny(fields.amount("actual")), 0)));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        } catch (StreamReadException e) {
            // the first pass read the whole file, so this means it changed in between
            throw malformed(e);
        }
        return computation;
    }

    /** The first pass: checks the JSON and the top-level fields, and reads period and zone. */
    private static KpiComputation header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser json = FACTORY.createParser(in)) {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw problem(json.currentTokenLocation(), "", first == null ? "the file is empty; expected a JSON object"
                        : "expected a JSON object {\"period\": …, \"workOrders\": […], …}");
            }
            JsonLocation start = json.currentTokenLocation();
            Period period = null;
            ZoneId zone = ZoneOffset.UTC;
            Set<String> lists = new HashSet<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                if (!TOP_LEVEL.contains(name)) {
                    throw problem(json.currentTokenLocation(), name, "unknown field; expected one of period, zone, "
                            + "workOrders, faults, accounts, forecasts, pools, capex");
                }
                JsonToken value = json.nextToken();
                JsonLocation at = json.currentTokenLocation();
                if (name.equals("period")) {
                    period = parse(at, name, string(json, name), Period::parse,
                            "must be a month (2026-03), a quarter (2026-Q1) or a year (2026)");
                } else if (name.equals("zone")) {
                    if (value != JsonToken.VALUE_NULL) {
                        zone = parse(at, name, string(json, name), ZoneId::of,
                                "must be a time zone id such as Asia/Shanghai or UTC");
                    }
                } else if (FACT_LISTS.contains(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw problem(at, name, "must be an array, but was " + describe(json));
                    }
                    lists.add(name);
                    json.skipChildren();
                } else if (value != JsonToken.VALUE_NULL && value != JsonToken.START_OBJECT) {
                    throw problem(at, name, "must be an object {\"budget\": …, \"actual\": …} or null, but was "
                            + describe(json));
                } else {
                    json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                throw problem(json.currentTokenLocation(), "", "unexpected content after the top-level object");
            }
            if (period == null) {
                throw problem(start, "", "missing field 'period' (2026-03, 2026-Q1 or 2026)");
            }
            for (String list : new String[] {"workOrders", "faults", "accounts", "forecasts", "pools"}) {
                if (!lists.contains(list)) {
                    throw problem(start, "", "missing field '" + list + "' (give [] when there are none)");
                }
            }
            return new KpiComputation(period, zone);
        } catch (StreamReadException e) {
            throw malformed(e);
        }
    }

    /** Feeds each object of the array the parser is at; {@code feed} builds and feeds one fact. */
    private static void eachObject(JsonParser json, String list, Consumer<Fields> feed) throws IOException {
        int index = 0;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (token == null) {
                // the first pass read the whole file, so this means it changed in between
                throw problem(json.currentLocation(), list, "the file ended inside the array");
            }
            String path = list + "[" + index++ + "]";
            Fields fields = Fields.read(json, path);
            fields.fact(() -> feed.accept(fields));
        }
    }

    private static String string(JsonParser json, String path) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw problem(json.currentTokenLocation(), path, "must be a string, but was " + describe(json));
        }
        return json.getText();
    }

    private static <T> T parse(JsonLocation at, String path, String text, Function<String, T> parser, String expected) {
        try {
            return parser.apply(text);
        } catch (InvalidArgumentException | DateTimeException | ArithmeticException | NumberFormatException e) {
            throw problem(at, path, expected + ", but was \"" + text + "\"");
        }
    }

    private static String describe(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + json.getText() + "\"";
            case VALUE_NULL -> "null";
            default -> json.getText();
        };
    }

    private static KpiFactsException problem(JsonLocation at, String path, String problem) {
        return new KpiFactsException(at.getLineNr(), at.getColumnNr(), path, problem);
    }

    private static KpiFactsException malformed(StreamReadException e) {
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage();
        return new KpiFactsException(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                (e instanceof JsonParseException ? "malformed JSON: " : "") + message, e);
    }

    /** One JSON object's scalar fields, by name, with where each was; taken one by one. */
    private static final class Fields {

        private record Value(JsonToken token, String text, JsonLocation at) {
        }

        private final String path;
        private final JsonLocation start;
        private final Map<String, Value> values;
        private final Map<String, Value> taken = new HashMap<>();

        private Fields(String path, JsonLocation start, Map<String, Value> values) {
            this.path = path;
            this.start = start;
            this.values = values;
        }

        /** Reads the object the parser is at, up to its end. */
        static Fields read(JsonParser json, String path) throws IOException {
            JsonLocation start = json.currentTokenLocation();
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw problem(start, path, "must be an object, but was " + describe(json));
            }
            Map<String, Value> values = new LinkedHashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                JsonLocation at = json.currentTokenLocation();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    throw problem(at, path + "." + name, "must be a single value, but was " + describe(json));
                }
                values.put(name, new Value(token, json.getText(), at));
            }
            return new Fields(path, start, values);
        }

        /** Builds a fact from the fields, then refuses any field not taken; a fact's own rules name the path. */
        void fact(Runnable build) {
            try {
                build.run();
            } catch (InvalidArgumentException e) {
                Value field = taken.get(e.argument());
                String message = e.getMessage();
                int named = message.indexOf(e.argument() + ": ");
                String detail = named < 0 ? message : message.substring(named + e.argument().length() + 2);
                throw field == null ? problem(start, path, detail) : problem(field.at(), path + "." + e.argument(), detail);
            }
            if (!values.isEmpty()) {
                String name = values.keySet().iterator().next();
                throw problem(values.get(name).at(), path + "." + name, "unknown field");
            }
        }

        private Value take(String name) {
            Value value = values.remove(name);
            if (value == null) {
                throw problem(start, path, "missing field '" + name + "'");
            }
            taken.put(name, value);
            return value;
        }

        private String text(String name, Value value, String expected) {
            if (value.token() != JsonToken.VALUE_STRING) {
                throw problem(value.at(), path + "." + name, "must be " + expected + ", but was "
                        + (value.token() == JsonToken.VALUE_NULL ? "null" : value.text()));
            }
            return value.text();
        }

        String id(String name) {
            return text(name, take(name), "a string");
        }

        Instant instant(String name) {
            return instant(name, take(name));
        }

        Optional<Instant> optionalInstant(String name) {
            Value value = take(name);
            return value.token() == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(instant(name, value));
        }

        private Instant instant(String name, Value value) {
            String expected = "an ISO-8601 instant such as 2026-03-01T08:00:00Z or 2026-03-01T16:00:00+08:00";
            return parse(value.at(), path + "." + name, text(name, value, expected), Instant::parse, "must be " + expected);
        }

        LocalDate date(String name) {
            return date(name, take(name));
        }

        Optional<LocalDate> optionalDate(String name) {
            Value value = take(name);
            return value.token() == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(date(name, value));
        }

        private LocalDate date(String name, Value value) {
            String expected = "a date YYYY-MM-DD such as 2026-03-01";
            return parse(value.at(), path + "." + name, text(name, value, expected), LocalDate::parse, "must be " + expected);
        }

        YearMonth month(String name) {
            Value value = take(name);
            String expected = "a month YYYY-MM such as 2026-03";
            return parse(value.at(), path + "." + name, text(name, value, expected), YearMonth::parse, "must be " + expected);
        }

        long count(String name) {
            Value value = take(name);
            if (value.token() != JsonToken.VALUE_NUMBER_INT) {
                throw problem(value.at(), path + "." + name, "must be a whole number, not negative, but was "
                        + (value.token() == JsonToken.VALUE_STRING ? "the string \"" + value.text() + "\"" : value.text()));
            }
            long count = parse(value.at(), path + "." + name, value.text(), Long::parseLong,
                    "must be a whole number up to " + Long.MAX_VALUE);
            if (count < 0) {
                throw problem(value.at(), path + "." + name, "must not be negative, but was " + count);
            }
            return count;
        }

        BigDecimal amount(String name) {
            Value value = take(name);
            String expected = "an amount, not negative, with at most 2 decimals (a number or a string such as \"1200.50\")";
            if (value.token() != JsonToken.VALUE_NUMBER_INT && value.token() != JsonToken.VALUE_NUMBER_FLOAT
                    && value.token() != JsonToken.VALUE_STRING) {
                throw problem(value.at(), path + "." + name, "must be " + expected + ", but was " + value.text());
            }
            BigDecimal amount = parse(value.at(), path + "." + name, value.text(), BigDecimal::new, "must be " + expected);
            if (amount.signum() < 0) {
                throw problem(value.at(), path + "." + name, "must not be negative, but was " + value.text());
            }
            if (amount.stripTrailingZeros().scale() > Money.SCALE) {
                throw problem(value.at(), path + "." + name, "must have at most 2 decimals, but was " + value.text());
            }
            return amount;
        }
    }
}
