package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.spi.DeliveryStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema and the domain share one set of limits: every {@code VARCHAR} and {@code NUMERIC}
 * column of Keyline's migrations is bound by a constant of {@link Limits} (or, for an enum column,
 * holds the longest constant name), so a value the domain accepts always fits. A new column
 * without an entry here fails, naming it.
 */
class SchemaLimitsTest {

    /** The core's migrations and those of every area registered with the JDBC provider. */
    private static List<String> migrationFolders() {
        List<String> folders = new ArrayList<>();
        folders.add(JdbcStorage.MIGRATION_LOCATION.substring("classpath:".length()));
        for (JdbcArea area : java.util.ServiceLoader.load(JdbcArea.class)) {
            folders.add(area.migrationLocation().substring("classpath:".length()));
        }
        return folders;
    }

    /** What bounds a column's declared size. */
    private sealed interface Bound permits Length, AtLeast, Fits, Decimal {
    }

    /** The column's length equals a domain limit. */
    private record Length(int limit) implements Bound {
    }

    /** The column is at least as long as the domain's limit (room to spare, as for the outbox). */
    private record AtLeast(int limit) implements Bound {
    }

    /** The column holds every one of these texts (enum constant names). */
    private record Fits(List<String> texts) implements Bound {
    }

    /** The column's precision and scale equal the domain's. */
    private record Decimal(int precision, int scale) implements Bound {
    }

    private static final Bound ID = new Length(Limits.ID_LENGTH);
    private static final Bound TEXT = new Length(Limits.TEXT_LENGTH);
    private static final Bound MONEY = new Decimal(Limits.MONEY_PRECISION, Limits.MONEY_SCALE);

    /** Bounds by column name, for columns that mean the same in every table. */
    private static final Map<String, Bound> BY_COLUMN = Map.ofEntries(
            Map.entry("account_name", new Length(Limits.NAME_LENGTH)),
            Map.entry("rule_name", new Length(Limits.RULE_NAME_LENGTH)),
            Map.entry("industry", fits(Industry.values())),
            Map.entry("tier", fits(Tier.values())),
            Map.entry("from_tier", fits(Tier.values())),
            Map.entry("to_tier", fits(Tier.values())),
            Map.entry("signal_kind", fits(ChurnSignalKind.values())),
            Map.entry("influencer_kind", fits(InfluencerKind.values())),
            Map.entry("addressed_to", fits(Role.values())),
            Map.entry("decision_role", fits(Role.values())),
            Map.entry("decision_kind", fits(PriceDecision.Kind.values())),
            Map.entry("state", fits(PriceAuthorisationState.values())),
            Map.entry("cause", new Fits(List.of("CLASSIFICATION_RUN", "MANUAL_OVERRIDE"))),
            Map.entry("member_kind", new Fits(List.of("KEY_ACCOUNT", "POTENTIAL"))),
            Map.entry("turnover_growth", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("white_collar_share", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)),
            Map.entry("maximum_discount", new Decimal(Limits.DISCOUNT_PRECISION, Limits.DISCOUNT_SCALE)),
            Map.entry("aggregate_id", new AtLeast(Limits.ID_LENGTH)),
            Map.entry("event_type", new AtLeast(Limits.ID_LENGTH)),
            Map.entry("audience_role", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_organisation_unit", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_account_id", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_station_id", new Length(Limits.AUDIENCE_PART_LENGTH)),
            Map.entry("audience_subject", new AtLeast(Audience.MAX_SUBJECT_LENGTH)),
            Map.entry("order_state", fits(ProvisioningOrderState.values())),
            Map.entry("stage_state", fits(StageState.values())),
            Map.entry("warning_share", new Decimal(Limits.RATIO_PRECISION, Limits.RATIO_SCALE)));

    /**
     * The longest sink or reaction name the runtime accepts ({@code Keyline.Builder.MAX_SINK_NAME_LENGTH},
     * which an adapter's code does not import).
     */
    private static final int SINK_NAME_LENGTH = dev.keyline.runtime.Keyline.Builder.MAX_SINK_NAME_LENGTH;

    /** Columns whose name means different things in different tables. */
    private static final Map<String, Bound> BY_TABLE_AND_COLUMN = Map.of(
            "keyline_key_account.status", fits(AccountStatus.values()),
            "keyline_outbox.status", fits(DeliveryStatus.values()),
            "keyline_outbox_delivery.status", fits(DeliveryStatus.values()),
            "keyline_outbox_delivery.sink", new Length(SINK_NAME_LENGTH),
            "keyline_reaction_receipt.reaction", new Length(SINK_NAME_LENGTH));

    /** Identifier columns: the ids of the domain's typed identifiers and users. */
    private static final List<String> ID_COLUMNS = List.of("account_id", "network_id", "account_manager",
            "team_industry_manager", "team_technical_manager", "team_business_manager", "registered_by", "changed_by",
            "approved_by", "fact_id", "corrects", "plan_id", "drawn_by", "owner_id", "completed_by", "product_code",
            "fulfilled_by", "authorisation_id", "requested_by", "decided_by", "list_id", "set_by",
            "provisioning_order_id", "originating_unit", "it_support", "sla_order", "stage_id", "station_id", "unit_id",
            "station_manager", "executor", "predecessor_id", "from_station", "from_executor", "to_station", "to_executor");

    /** Free-text columns. */
    private static final List<String> TEXT_COLUMNS = List.of("designation_reason", "exit_reason", "detail",
            "override_reason", "explanation", "description", "note", "reason", "accepted_by");

    /** Money columns, each beside a currency column. */
    private static final List<String> MONEY_COLUMNS = List.of("annual_turnover", "annual_investment", "amount",
            "threshold_amount", "average_monthly_spend", "revenue_target", "list_price", "offered_price",
            "floor_price", "price");

    private static final Pattern TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*?)\\n\\);");
    private static final Pattern COLUMN = Pattern.compile(
            "(?i)^\\s*(\\w+)\\s+(VARCHAR|NUMERIC)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    @Test
    void everyBoundedColumnOfTheMigrationsMatchesTheDomainsLimit() {
        List<Column> columns = boundedColumns();
        assertThat(columns).as("bounded columns found in the migrations").hasSizeGreaterThan(50);
        List<String> problems = new ArrayList<>();
        for (Column c : columns) {
            Bound bound = boundOf(c);
            if (bound == null) {
                problems.add(c + ": no domain limit is known for this column; add it to Limits and to this test");
            } else if (!c.type().equals(bound instanceof Decimal ? "NUMERIC" : "VARCHAR")) {
                problems.add(c + ": declared " + c.type() + " but the domain bounds it as " + bound);
            } else {
                String problem = check(c, bound);
                if (problem != null) {
                    problems.add(c + ": " + problem);
                }
            }
        }
        assertThat(problems).as("columns whose bound differs from the domain's").isEmpty();
    }

    private static String check(Column c, Bound bound) {
        if (bound instanceof Length l) {
            return c.size() == l.limit() ? null : "length " + c.size() + " but the domain allows " + l.limit();
        }
        if (bound instanceof AtLeast a) {
            return c.size() >= a.limit() ? null : "length " + c.size() + " but the domain allows " + a.limit();
        }
        if (bound instanceof Fits f) {
            int longest = f.texts().stream().mapToInt(String::length).max().orElse(0);
            return c.size() >= longest ? null : "length " + c.size() + " cannot hold " + f.texts();
        }
        Decimal d = (Decimal) bound;
        return c.size() == d.precision() && c.scale() == d.scale() ? null
                : "NUMERIC(" + c.size() + ", " + c.scale() + ") but the domain bounds it as NUMERIC(" + d.precision()
                        + ", " + d.scale() + ")";
    }

    private static Bound boundOf(Column c) {
        Bound specific = BY_TABLE_AND_COLUMN.get(c.table() + "." + c.name());
        if (specific != null) {
            return specific;
        }
        if (ID_COLUMNS.contains(c.name())) {
            return ID;
        }
        if (TEXT_COLUMNS.contains(c.name())) {
            return TEXT;
        }
        if (MONEY_COLUMNS.contains(c.name())) {
            return MONEY;
        }
        return BY_COLUMN.get(c.name());
    }

    private record Column(String file, String table, String name, String type, int size, int scale) {
        @Override
        public String toString() {
            return file + " " + table + "." + name + " " + type + "(" + size + (type.equals("NUMERIC") ? ", " + scale : "")
                    + ")";
        }
    }

    private static List<Column> boundedColumns() {
        List<Column> columns = new ArrayList<>();
        for (String folder : migrationFolders()) {
            columns.addAll(boundedColumns(folder));
        }
        return columns;
    }

    private static List<Column> boundedColumns(String folder) {
        URL root = SchemaLimitsTest.class.getClassLoader().getResource(folder);
        assertThat(root).as("the migrations in %s on the class path", folder).isNotNull();
        List<Column> columns = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file, StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
                Matcher table = TABLE.matcher(sql);
                while (table.find()) {
                    for (String line : table.group(2).split("\\n")) {
                        Matcher m = COLUMN.matcher(line);
                        if (m.find() && !m.group(1).equalsIgnoreCase("CONSTRAINT")) {
                            columns.add(new Column(file.getFileName().toString(), table.group(1).toLowerCase(Locale.ROOT),
                                    m.group(1).toLowerCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT),
                                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4))));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }

    private static Fits fits(Enum<?>[] constants) {
        return new Fits(Arrays.stream(constants).map(Enum::name).toList());
    }
}
