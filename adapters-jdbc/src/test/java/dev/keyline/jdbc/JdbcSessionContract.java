package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.StorageException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC toolkit on a real database: binding and reading every supported type, error mapping,
 * versioned updates, streaming. Runs against H2 and PostgreSQL through its subclasses.
 */
abstract class JdbcSessionContract {

    private JdbcStorage storage;
    private OneStatementTransactions session;

    /** The database to run on. */
    abstract DataSource dataSource();

    /** The SQL state the database reports for a table that does not exist. */
    abstract String undefinedTableState();

    @BeforeEach
    void createFixtureTable() {
        storage = TestDatabases.emptyStorage(dataSource());
        session = new OneStatementTransactions(storage);
        session.update("DROP TABLE IF EXISTS keyline_session_fixture");
        session.update("CREATE TABLE keyline_session_fixture ("
                + "id VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "label VARCHAR(100), "
                + "amount NUMERIC(19, 2), "
                + "at_time TIMESTAMP WITH TIME ZONE, "
                + "on_day DATE, "
                + "in_month CHAR(7), "
                + "status VARCHAR(16), "
                + "owner_id VARCHAR(64), "
                + "event_id UUID, "
                + "counter BIGINT, "
                + "small INTEGER, "
                + "flag BOOLEAN, "
                + "price NUMERIC(19, 2), "
                + "price_currency CHAR(3), "
                + "version BIGINT NOT NULL)");
    }

    @AfterEach
    void dropFixtureTable() {
        session.update("DROP TABLE IF EXISTS keyline_session_fixture");
    }

    @Test
    void every_supported_type_is_bound_and_read_back_unchanged() {
        Instant at = Instant.parse("2025-03-31T23:59:59.123456Z");
        EventId eventId = EventId.random();
        session.insert("fixture F-1", "keyline_session_fixture", Columns.create()
                .set("id", new UserId("F-1"))
                .set("label", "电信 key account")
                .set("amount", new BigDecimal("12345.67"))
                .set("at_time", at)
                .set("on_day", LocalDate.of(2024, 2, 29))
                .set("in_month", YearMonth.of(2025, 3))
                .set("status", DeliveryStatus.DEAD_LETTER)
                .set("owner_id", Optional.of(new UserId("u-7")))
                .set("event_id", eventId)
                .set("counter", Long.MAX_VALUE)
                .set("small", 42)
                .set("flag", true)
                .set("price", Money.cny("99.90").amount())
                .set("price_currency", Money.CNY)
                .set("version", 0L));

        Fixture read = session.queryOne("SELECT * FROM keyline_session_fixture WHERE id = ?", JdbcSessionContract::fixture,
                "F-1").orElseThrow();

        assertThat(read).isEqualTo(new Fixture("F-1", "电信 key account", new BigDecimal("12345.67"), at,
                LocalDate.of(2024, 2, 29), YearMonth.of(2025, 3), DeliveryStatus.DEAD_LETTER, new UserId("u-7"),
                eventId, Long.MAX_VALUE, 42, true, Money.cny("99.90"), 0L));
    }

    @Test
    void instants_are_stored_to_the_microsecond() {
        Instant withNanos = Instant.parse("2025-01-01T00:00:00.123456789Z");
        session.update("INSERT INTO keyline_session_fixture (id, at_time, version) VALUES (?, ?, 0)", "F-1", withNanos);

        Instant read = session.queryOne("SELECT at_time FROM keyline_session_fixture WHERE id = ?",
                row -> row.instant("at_time"), "F-1").orElseThrow();

        assertThat(read).isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
    }

    @Test
    void nulls_and_empty_optionals_are_stored_as_sql_null() {
        session.update("INSERT INTO keyline_session_fixture (id, label, amount, at_time, on_day, in_month, status, owner_id, "
                        + "event_id, counter, small, flag, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                "F-1", null, null, Optional.empty(), null, null, null, null, null, null, null, null);

        List<Object> read = session.queryOne("SELECT * FROM keyline_session_fixture", row -> {
            List<Object> values = new ArrayList<>();
            values.add(row.string("label"));
            values.add(row.bigDecimal("amount"));
            values.add(row.instant("at_time"));
            values.add(row.localDate("on_day"));
            values.add(row.yearMonth("in_month"));
            values.add(row.enumValue("status", DeliveryStatus.class));
            values.add(row.identifier("owner_id", UserId::new));
            values.add(row.eventId("event_id"));
            values.add(row.nullableLong("counter"));
            values.add(row.nullableInt("small"));
            values.add(row.money("price", "price_currency"));
            values.add(row.currency("price_currency"));
            return values;
        }).orElseThrow();

        assertThat(read).containsOnlyNulls().hasSize(12);
    }

    @Test
    void a_null_where_a_primitive_is_read_is_corrupt_state_naming_the_column() {
        session.update("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", "F-1");

        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture", row -> row.longValue("counter")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("counter");
        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture", row -> row.bool("flag")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("flag");
        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture", row -> row.requiredString("label")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("label");
    }

    @Test
    void stored_text_that_is_no_valid_value_is_corrupt_state_naming_the_column_and_text() {
        session.update("INSERT INTO keyline_session_fixture (id, in_month, status, owner_id, version) VALUES (?, ?, ?, ?, 0)",
                "F-1", "2025-13", "LOST", "no spaces allowed");

        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture", row -> row.yearMonth("in_month")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("in_month").hasMessageContaining("2025-13");
        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture",
                row -> row.enumValue("status", DeliveryStatus.class)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("status").hasMessageContaining("LOST");
        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture",
                row -> row.identifier("owner_id", UserId::new)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("owner_id")
                .hasMessageContaining("no spaces allowed");
    }

    @Test
    void money_with_an_amount_but_no_valid_currency_is_corrupt_state_naming_the_column() {
        session.update("INSERT INTO keyline_session_fixture (id, price, price_currency, version) VALUES (?, ?, ?, 0)",
                "F-1", new BigDecimal("1.00"), null);
        session.update("INSERT INTO keyline_session_fixture (id, price, price_currency, version) VALUES (?, ?, ?, 0)",
                "F-2", new BigDecimal("1.00"), "XQQ");

        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture WHERE id = 'F-1'",
                row -> row.money("price", "price_currency")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("price_currency");
        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_session_fixture WHERE id = 'F-2'",
                row -> row.money("price", "price_currency")))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("XQQ");
    }

    @Test
    void money_as_one_parameter_is_rejected_with_how_to_store_it() {
        assertThatThrownBy(() -> session.update("UPDATE keyline_session_fixture SET price = ?", Money.cny("1.00")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("params[0]").hasMessageContaining("amount()");
    }

    @Test
    void a_value_of_an_unsupported_type_is_rejected_naming_the_parameter() {
        assertThatThrownBy(() -> session.update("INSERT INTO keyline_session_fixture (id, label, version) VALUES (?, ?, 0)",
                "F-1", new StringBuilder("x")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("params[1]");
    }

    @Test
    void a_sql_exception_becomes_a_storage_exception_with_its_sql_state_and_the_statement() {
        assertThatThrownBy(() -> session.query("SELECT * FROM keyline_no_such_table", row -> 1))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(undefinedTableState());
                    assertThat(e.reason()).isEqualTo(ReasonCode.STORAGE_FAILURE);
                    assertThat(e.getMessage()).contains("SELECT * FROM keyline_no_such_table")
                            .contains("[SQLState " + undefinedTableState() + "]");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });
    }

    @Test
    void a_unique_violation_on_insert_is_already_exists_naming_the_entity() {
        session.insert("fixture F-1", "keyline_session_fixture", Columns.create().set("id", "F-1").set("version", 0L));

        assertThatThrownBy(() -> session.insert("fixture F-1", "keyline_session_fixture",
                Columns.create().set("id", "F-1").set("version", 0L)))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("fixture F-1")
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void a_unique_violation_on_a_plain_update_stays_a_storage_exception() {
        session.update("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", "F-1");

        assertThatThrownBy(() -> session.update("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", "F-1"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
    }

    @Test
    void a_versioned_update_at_the_stored_version_increments_it() {
        session.insert("fixture F-1", "keyline_session_fixture", Columns.create().set("id", "F-1").set("label", "a")
                .set("version", 0L));

        long next = session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0,
                Columns.create().set("label", "b"));

        assertThat(next).isEqualTo(1);
        assertThat(session.queryOne("SELECT label, version FROM keyline_session_fixture WHERE id = ?",
                row -> row.string("label") + "@" + row.longValue("version"), "F-1")).contains("b@1");
    }

    @Test
    void a_versioned_update_at_an_older_version_is_stale_and_writes_nothing() {
        session.insert("fixture F-1", "keyline_session_fixture", Columns.create().set("id", "F-1").set("label", "a")
                .set("version", 0L));
        session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0, Columns.create().set("label", "b"));

        assertThatThrownBy(() -> session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0,
                Columns.create().set("label", "c")))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("fixture F-1").hasMessageContaining("version 0");
        assertThat(session.queryOne("SELECT label, version FROM keyline_session_fixture WHERE id = ?",
                row -> row.string("label") + "@" + row.longValue("version"), "F-1")).contains("b@1");
    }

    @Test
    void each_generated_statement_writes_exactly_the_columns_named_whatever_was_written_before() {
        // the statements' texts are kept by shape: every set of columns must get its own
        session.insert("fixture F-1", "keyline_session_fixture", Columns.create().set("id", "F-1").set("label", "a")
                .set("version", 0L));
        session.insert("fixture F-2", "keyline_session_fixture", Columns.create().set("id", "F-2").set("counter", 7L)
                .set("version", 0L));
        session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0, Columns.create().set("counter", 1L));
        session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 1, Columns.create().set("label", "b"));
        Columns grown = Columns.create().set("label", "c");
        session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 2, grown);
        session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 3, grown.set("small", 5));
        session.updateVersioned("fixture F-2", "keyline_session_fixture", "id", "F-2", 0, Columns.create()
                .set("SMALL", 6).set("Label", "d"));

        assertThat(session.query("SELECT id, label, counter, small, version FROM keyline_session_fixture ORDER BY id",
                row -> row.string("id") + " " + row.string("label") + " " + row.nullableLong("counter") + " "
                        + row.nullableInt("small") + " @" + row.longValue("version")))
                .containsExactly("F-1 c 1 5 @4", "F-2 d 7 6 @1");
    }

    @Test
    void the_generated_statements_kept_are_bounded_whatever_the_number_of_shapes_and_each_still_writes_its_columns() {
        session.insert("fixture F-1", "keyline_session_fixture", Columns.create().set("id", "F-1").set("version", 0L));
        List<String> columns = List.of("label", "counter", "small", "amount", "on_day", "in_month", "flag");
        int shapes = JdbcSession.STATEMENTS_KEPT + 50;
        long version = 0;
        for (int i = 0; i < shapes; i++) {
            // a column order of its own each time: a shape of its own
            List<String> order = permutation(columns, i);
            Columns values = Columns.create();
            for (String column : order) {
                values.set(column, switch (column) {
                    case "label" -> "shape " + i;
                    case "counter" -> (long) i;
                    case "small" -> i % 100;
                    case "amount" -> new BigDecimal(i + ".25");
                    case "on_day" -> LocalDate.of(2024, 1, 1).plusDays(i);
                    case "in_month" -> YearMonth.of(2024, 1).plusMonths(i % 12);
                    default -> i % 2 == 0;
                });
            }
            version = session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", version, values);
            assertThat(storage.session().keptStatements()).isBetween(1, JdbcSession.STATEMENTS_KEPT);
        }
        int last = shapes - 1;
        assertThat(session.queryOne("SELECT label, counter, small, version FROM keyline_session_fixture WHERE id = ?",
                row -> row.string("label") + " " + row.longValue("counter") + " " + row.intValue("small") + " @"
                        + row.longValue("version"), "F-1"))
                .contains("shape " + last + " " + last + " " + last % 100 + " @" + shapes);
    }

    /** The {@code n}-th ordering of the items (factorial numbering), distinct for every n below items.size()!. */
    private static List<String> permutation(List<String> items, int n) {
        List<String> left = new ArrayList<>(items);
        List<String> order = new ArrayList<>();
        int rest = n;
        for (int base = left.size(); base > 0; base--) {
            order.add(left.remove(rest % base));
            rest /= base;
        }
        return order;
    }

    @Test
    void setting_the_version_column_is_refused_at_every_attempt_and_writes_nothing() {
        session.insert("fixture F-1", "keyline_session_fixture", Columns.create().set("id", "F-1").set("label", "a")
                .set("version", 0L));

        for (String column : List.of("version", "VERSION", "version")) {
            assertThatThrownBy(() -> session.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0,
                    Columns.create().set("label", "b").set(column, 9L)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("version column");
        }
        assertThat(session.queryOne("SELECT label, version FROM keyline_session_fixture WHERE id = ?",
                row -> row.string("label") + "@" + row.longValue("version"), "F-1")).contains("a@0");
    }

    @Test
    void a_versioned_update_of_a_missing_row_is_stale() {
        assertThatThrownBy(() -> session.updateVersioned("fixture F-9", 3,
                "UPDATE keyline_session_fixture SET label = ?, version = version + 1 WHERE id = ? AND version = ?",
                "x", "F-9", 3L))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("fixture F-9").hasMessageContaining("version 3");
    }

    @Test
    void identifiers_that_are_not_plain_sql_names_are_rejected() {
        assertThatThrownBy(() -> Columns.create().set("label; DROP TABLE x", 1))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("column");
        assertThatThrownBy(() -> session.insert("fixture", "keyline_session_fixture x", Columns.create().set("id", "F")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("table");
        assertThatThrownBy(() -> Columns.create().set("id", 1).set("ID", 2))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("already set");
    }

    @Test
    void query_one_fails_when_more_than_one_row_matches() {
        session.batch("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)",
                List.of(new Object[] {"F-1"}, new Object[] {"F-2"}));

        assertThatThrownBy(() -> session.queryOne("SELECT id FROM keyline_session_fixture", row -> row.string("id")))
                .isInstanceOf(StorageException.class).hasMessageContaining("more than one row");
    }

    /** The labels of {@link #READ_BY_LABEL}, two of them shared by two columns. */
    private static final String[] LABELS = {"id", "label", "counter", "small", "version", "dup"};
    private static final String READ_BY_LABEL = "SELECT id, label, counter, small, version, label AS dup, id AS dup "
            + "FROM keyline_session_fixture ORDER BY id";

    @Test
    void a_row_reads_each_column_by_label_whatever_the_order_the_case_or_the_reads_of_the_rows_before() {
        session.batch("INSERT INTO keyline_session_fixture (id, label, counter, small, version) VALUES (?, ?, ?, ?, ?)",
                IntStream.range(0, 6).mapToObj(i -> new Object[] {"F-" + i, "label " + i, 10L * i, 100 + i, (long) i})
                        .toList());

        // each row reads its own random list of labels: as the code's constants, upper-cased, or as
        // copies that are equal but not the same string; every read must give what the driver gives
        qt().withFixedSeed(20261205L).withExamples(150)
                .forAll(lists().of(lists().of(integers().between(0, 3 * LABELS.length - 1)).ofSizeBetween(0, 10))
                        .ofSize(6))
                .checkAssert(plans -> {
                    AtomicInteger rowNumber = new AtomicInteger();
                    List<String> mismatches = session.query(READ_BY_LABEL, row -> {
                        List<String> wrong = new ArrayList<>();
                        for (int read : plans.get(rowNumber.getAndIncrement())) {
                            String constant = LABELS[read % LABELS.length];
                            String label = switch (read / LABELS.length) {
                                case 0 -> constant;
                                case 1 -> constant.toUpperCase(java.util.Locale.ROOT);
                                default -> new String(constant.toCharArray());
                            };
                            String expected = row.resultSet().getString(constant);
                            if (!java.util.Objects.equals(row.string(label), expected)) {
                                wrong.add(label + " read " + row.string(label) + ", the driver " + expected);
                            }
                        }
                        return String.join("; ", wrong);
                    }).stream().filter(w -> !w.isEmpty()).toList();
                    assertThat(mismatches).as("reads %s", plans).isEmpty();
                });
    }

    @Test
    void a_label_the_result_does_not_have_fails_naming_it_even_after_rows_that_read_others() {
        session.batch("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)",
                List.of(new Object[] {"F-1"}, new Object[] {"F-2"}));
        AtomicInteger rowNumber = new AtomicInteger();

        assertThatThrownBy(() -> session.query("SELECT id, version FROM keyline_session_fixture ORDER BY id",
                row -> rowNumber.incrementAndGet() == 1 ? row.string("id") : row.string("no_such_column")))
                .isInstanceOf(StorageException.class).hasMessageContaining("no_such_column");
        assertThatThrownBy(() -> session.query("SELECT id FROM keyline_session_fixture", row -> row.string(" ")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("column");
    }

    @Test
    void the_same_query_text_is_read_by_its_new_columns_after_the_table_changed() {
        session.update("INSERT INTO keyline_session_fixture (id, label, counter, version) VALUES (?, ?, ?, 0)",
                "F-1", "first", 7L);
        String everything = "SELECT * FROM keyline_session_fixture WHERE id = ?";
        assertThat(session.queryOne(everything, row -> row.string("label") + "/" + row.longValue("counter"), "F-1"))
                .contains("first/7");

        // the columns after label move one place to the left, and a new one comes last
        session.update("ALTER TABLE keyline_session_fixture DROP COLUMN label");
        session.update("ALTER TABLE keyline_session_fixture ADD COLUMN label VARCHAR(100)");
        session.update("UPDATE keyline_session_fixture SET label = ? WHERE id = ?", "second", "F-1");

        assertThat(session.queryOne(everything, row -> row.string("label") + "/" + row.longValue("counter"), "F-1"))
                .contains("second/7");
    }

    @Test
    void mappers_that_read_the_same_query_in_different_orders_read_the_right_columns_every_time() {
        session.update("INSERT INTO keyline_session_fixture (id, label, counter, version) VALUES (?, ?, ?, 0)",
                "F-1", "first", 7L);
        session.update("INSERT INTO keyline_session_fixture (id, counter, version) VALUES (?, ?, 0)", "F-2", 8L);
        String everything = "SELECT * FROM keyline_session_fixture ORDER BY id";
        // the first result's first row keeps its reads, which the later results' rows are predicted
        // from; a read in another order, a read skipped or one more must still find its own column
        RowMapper<String> labelFirst = row -> row.string("label") + "/" + row.longValue("counter") + "/" + row.string("id");
        RowMapper<String> idFirst = row -> row.string("id") + "/" + row.longValue("counter");
        RowMapper<String> labelWhenSet = row -> {
            String label = row.string("label");
            return row.string("id") + (label == null ? "" : "/" + label + "/" + row.longValue("version"));
        };
        for (int round = 0; round < 3; round++) {
            assertThat(session.query(everything, labelFirst)).containsExactly("first/7/F-1", "null/8/F-2");
            assertThat(session.query(everything, idFirst)).containsExactly("F-1/7", "F-2/8");
            assertThat(session.query(everything, labelWhenSet)).containsExactly("F-1/first/0", "F-2");
            assertThat(session.queryOne(everything + " LIMIT 1", idFirst)).contains("F-1/7");
            assertThat(session.queryOne("SELECT * FROM keyline_session_fixture WHERE id = 'F-2'", labelWhenSet))
                    .contains("F-2");
            assertThat(session.queryOne("SELECT * FROM keyline_session_fixture WHERE id = 'F-1'", labelWhenSet))
                    .contains("F-1/first/0");
        }
    }

    @Test
    void the_column_labels_kept_are_bounded_whatever_the_number_of_query_texts() {
        session.update("INSERT INTO keyline_session_fixture (id, label, counter, version) VALUES (?, ?, ?, 0)",
                "F-1", "first", 7L);
        int texts = ColumnLabels.Cache.QUERIES + 50;
        for (int i = 0; i < texts; i++) {
            // a query text of its own each time, as a host building texts with literals would send
            long counter = session.queryOne("SELECT counter + " + i + " AS c FROM keyline_session_fixture WHERE id = ?",
                    row -> row.longValue("c"), "F-1").orElseThrow();
            assertThat(counter).isEqualTo(7L + i);
            assertThat(storage.session().keptColumnLabels()).isBetween(1, ColumnLabels.Cache.QUERIES);
        }
    }

    @Test
    void batch_inserts_every_row_and_reports_counts() {
        List<Object[]> rows = IntStream.range(0, 25).mapToObj(i -> new Object[] {"F-" + i, (long) i}).toList();

        int[] counts = session.batch("INSERT INTO keyline_session_fixture (id, counter, version) VALUES (?, ?, 0)", rows);

        assertThat(counts).hasSize(25).containsOnly(1);
        assertThat(session.queryOne("SELECT SUM(counter) AS total FROM keyline_session_fixture",
                row -> row.longValue("total"))).contains(300L);
    }

    @Test
    void stream_reads_rows_lazily_in_order_and_closing_it_closes_the_result_set() {
        List<Object[]> rows = IntStream.range(0, 1200).mapToObj(i -> new Object[] {String.format("F-%05d", i), (long) i}).toList();
        session.batch("INSERT INTO keyline_session_fixture (id, counter, version) VALUES (?, ?, 0)", rows);
        AtomicReference<ResultSet> seen = new AtomicReference<>();

        List<Long> read = storage.transactions().execute(() -> {
            List<Long> values;
            try (Stream<Long> stream = storage.session().stream("SELECT id, counter FROM keyline_session_fixture ORDER BY id", row -> {
                seen.set(row.resultSet());
                return row.longValue("counter");
            })) {
                values = stream.collect(Collectors.toList());
                assertThat(isClosed(seen.get())).isFalse();
            }
            assertThat(isClosed(seen.get())).as("closed by the stream, before the transaction ends").isTrue();
            return values;
        });

        assertThat(read).hasSize(1200).isSorted().startsWith(0L, 1L, 2L).endsWith(1199L);
    }

    @Test
    void a_read_runs_without_a_transaction_of_its_own_and_refuses_every_write_before_it_reaches_the_database() {
        session.update("INSERT INTO keyline_session_fixture (id, counter, version) VALUES (?, ?, 0)", "F-1", 1L);
        JdbcSession s = storage.session();
        String insert = "INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)";

        long counter = storage.transactions().read(() -> {
            assertThat(autoCommit()).as("auto-commit inside a read").isTrue();
            List<Runnable> writes = new ArrayList<>(List.of(
                    () -> s.update(insert, "F-2"),
                    () -> s.batch(insert, List.<Object[]>of(new Object[] {"F-3"})),
                    () -> s.insert("fixture F-4", "keyline_session_fixture", Columns.create().set("id", "F-4").set("version", 0L)),
                    () -> s.insertStatement("fixture F-5", insert, "F-5"),
                    () -> s.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0, Columns.create()),
                    () -> s.queueInsert("fixture F-7", "F-7", "keyline_session_fixture",
                            Columns.create().set("id", "F-7").set("version", 0L), () -> { }),
                    () -> s.queueInserts(insert, "keyline_session_fixture", List.of(), List.<Object[]>of(new Object[] {"F-8"}),
                            List.of("F-8"), key -> e -> new AlreadyExistsException(key, e)),
                    () -> s.queueUpdateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0, Columns.create(),
                            () -> { })));
            if (s.dialect() == SqlDialect.H2) { // on PostgreSQL it is refused anyway, for another reason
                writes.add(() -> s.insertUnlessTaken(insert, "F-6"));
            }
            for (Runnable write : writes) {
                assertThatThrownBy(write::run).isInstanceOf(InvalidStateException.class)
                        .hasMessageContaining("Transactions.read");
            }
            return s.queryOne("SELECT counter FROM keyline_session_fixture WHERE id = ?", row -> row.longValue("counter"), "F-1")
                    .orElseThrow();
        });

        assertThat(counter).isEqualTo(1L);
        assertThat(count()).as("rows after the refused writes").isEqualTo(1L);
        assertThat(session.queryOne("SELECT version FROM keyline_session_fixture WHERE id = ?", row -> row.longValue("version"),
                "F-1")).contains(0L);
    }

    @Test
    void a_stream_inside_a_read_runs_in_a_transaction_where_the_driver_needs_one_and_the_connection_is_left_as_it_was() {
        List<Object[]> rows = IntStream.range(0, 1200).mapToObj(i -> new Object[] {String.format("F-%05d", i), (long) i}).toList();
        session.batch("INSERT INTO keyline_session_fixture (id, counter, version) VALUES (?, ?, 0)", rows);
        boolean cursorNeedsATransaction = storage.session().dialect() == SqlDialect.POSTGRESQL;

        for (int round = 0; round < 2; round++) { // the pool hands the same connection out again
            long read = storage.transactions().read(() -> {
                assertThat(autoCommit()).isTrue();
                try (Stream<Long> stream = storage.session().stream("SELECT counter FROM keyline_session_fixture ORDER BY id",
                        row -> row.longValue("counter"))) {
                    assertThat(autoCommit()).as("auto-commit while a stream of a read is open").isEqualTo(!cursorNeedsATransaction);
                    return stream.mapToLong(Long::longValue).sum();
                }
            });
            assertThat(read).isEqualTo(1199L * 1200 / 2);
        }
        assertThat(storage.transactions().read(this::autoCommit)).as("auto-commit of the next read").isTrue();
        assertThat(storage.transactions().execute(this::autoCommit)).as("auto-commit inside a transaction").isFalse();
    }

    @Test
    void a_read_on_a_connection_handed_out_without_auto_commit_ends_with_a_rollback_and_leaves_it_so() throws SQLException {
        session.update("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", "F-1");
        try (java.sql.Connection own = dataSource().getConnection()) {
            own.setAutoCommit(false);
            DataSource handingOut = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("getConnection")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {java.sql.Connection.class}, (p, m, a) -> m.getName().equals("close") ? null
                                        : m.invoke(own, a));
                    });
            JdbcTransactions transactions = new JdbcTransactions(handingOut);
            JdbcSession onIt = new JdbcSession(transactions, storage.session().dialect());

            int read = transactions.read(() -> onIt.query("SELECT id FROM keyline_session_fixture", row -> row.string("id"))
                    .size());

            assertThat(read).isEqualTo(1);
            assertThat(own.getAutoCommit()).as("auto-commit of the connection after the read").isFalse();
            own.rollback();
        }
    }

    /** The auto-commit mode of the connection of the read or transaction active on the thread. */
    private boolean autoCommit() {
        try {
            return storage.transactions().currentConnection().getAutoCommit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stream_needs_an_active_transaction() {
        assertThatThrownBy(() -> storage.session().stream("SELECT id FROM keyline_session_fixture", row -> row.string("id")))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void a_failing_stream_query_is_a_storage_exception() {
        assertThatThrownBy(() -> storage.transactions().execute(() -> storage.session().stream("SELECT * FROM keyline_no_such_table",
                row -> 1)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState()).isEqualTo(undefinedTableState()));
    }

    @Test
    void every_statement_outside_a_transaction_is_rejected() {
        JdbcSession bare = storage.session();
        assertThat(storage.transactions().isActive()).isFalse();

        List<Runnable> calls = List.of(
                () -> bare.query("SELECT id FROM keyline_session_fixture", row -> row.string("id")),
                () -> bare.queryOne("SELECT id FROM keyline_session_fixture", row -> row.string("id")),
                () -> bare.update("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", "F-1"),
                () -> bare.batch("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", List.<Object[]>of(new Object[] {"F-2"})),
                () -> bare.insert("fixture F-3", "keyline_session_fixture", Columns.create().set("id", "F-3").set("version", 0L)),
                () -> bare.updateVersioned("fixture F-1", "keyline_session_fixture", "id", "F-1", 0, Columns.create()));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(InvalidStateException.class).hasMessageContaining("needs an active transaction");
        }
        assertThat(count()).isZero();
    }

    @Test
    void a_failed_statement_marks_the_transaction_rollback_only_even_if_the_failure_is_caught() {
        Throwable thrown = catchThrowable(() -> storage.transactions().run(() -> {
            storage.session().update("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", "F-1");
            try {
                storage.session().update("INSERT INTO keyline_session_fixture (id, version) VALUES (?, 0)", "F-1");
            } catch (StorageException duplicate) {
                // carrying on would commit half of the work
            }
        }));

        assertThat(thrown).isInstanceOf(InvalidStateException.class).hasCauseInstanceOf(StorageException.class);
        assertThat(count()).isZero();
    }

    private long count() {
        return session.queryOne("SELECT COUNT(*) AS n FROM keyline_session_fixture", row -> row.longValue("n")).orElseThrow();
    }

    private static boolean isClosed(ResultSet rs) {
        try {
            return rs.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fixture fixture(Row row) {
        return new Fixture(row.string("id"), row.string("label"), row.bigDecimal("amount"), row.instant("at_time"),
                row.localDate("on_day"), row.yearMonth("in_month"), row.enumValue("status", DeliveryStatus.class),
                row.identifier("owner_id", UserId::new), row.eventId("event_id"), row.longValue("counter"),
                row.intValue("small"), row.bool("flag"), row.money("price", "price_currency"), row.longValue("version"));
    }

    private record Fixture(String id, String label, BigDecimal amount, Instant at, LocalDate day, YearMonth month,
                           DeliveryStatus status, UserId owner, EventId eventId, long counter, int small, boolean flag,
                           Money price, long version) {
    }

}
