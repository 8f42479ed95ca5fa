package dev.keyline.jdbc;

import static dev.keyline.domain.testing.NullArgumentsTester.CONSTRUCTOR;
import static dev.keyline.tck.KeylineSamples.inTransaction;

import dev.keyline.jdbc.budget.JdbcCapexProjectRepository;
import dev.keyline.spi.budget.CapexProjectRepository;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.testing.NullArgumentsTester;
import dev.keyline.domain.testing.NullArgumentsTester.Subject;
import dev.keyline.jdbc.account.JdbcAccountPlanRepository;
import dev.keyline.jdbc.account.JdbcClassificationResultRepository;
import dev.keyline.jdbc.authority.JdbcFloorPriceListRepository;
import dev.keyline.jdbc.resource.JdbcReservationRepository;
import dev.keyline.jdbc.resource.JdbcResourcePoolRepository;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.jdbc.account.JdbcKeyAccountRepository;
import dev.keyline.jdbc.authority.JdbcPriceAuthorisationRepository;
import dev.keyline.jdbc.account.JdbcSpendFactRepository;
import dev.keyline.tck.KeylineSamples;
import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the JDBC provider rejects a null argument with an
 * {@link InvalidArgumentException} naming it, before it touches the database. Calls run inside a
 * transaction of an H2 database of their own, so a missing transaction is never what is judged.
 * The allowances below are the reviewed exceptions, each with its reason; one that no longer
 * matches fails the test.
 */
class PublicApiNullArgumentsTest {

    @Test
    void everyPublicConstructorAndMethodRejectsNullNamingTheArgument() {
        DataSource dataSource = H2Database.fresh("keyline_null_arguments");
        JdbcStorage storage = JdbcStorage.builder(dataSource).migrate(true).build();
        NullArgumentsTester tester = KeylineSamples.tester(() -> storage);

        tester.value(DataSource.class, () -> dataSource)
                .instance(JdbcStorage.class, () -> storage)
                .instance(JdbcStorage.Builder.class, () -> JdbcStorage.builder(dataSource))
                .instance(JdbcTransactions.class, storage::transactions)
                .subject(JdbcSession.class, () -> inTransaction(storage, JdbcStorage::session))
                .subject(JdbcOutbox.class, () -> inTransaction(storage, JdbcStorage::outbox))
                .subject(JdbcAggregateRepository.class, () -> inTransaction(storage, s -> s.port(KeyAccountRepository.class)))
                .subject(JdbcParentChildRepository.class, () -> inTransaction(storage, s -> s.port(KeyAccountRepository.class)))
                .subject(JdbcKeyAccountRepository.class, () -> inTransaction(storage, s -> s.port(KeyAccountRepository.class)))
                .subject(JdbcSpendFactRepository.class, () -> inTransaction(storage, s -> s.port(SpendFactRepository.class)))
                .subject(JdbcClassificationResultRepository.class, () -> inTransaction(storage, s -> s.port(ClassificationResultRepository.class)))
                .subject(JdbcAccountPlanRepository.class, () -> inTransaction(storage, s -> s.port(AccountPlanRepository.class)))
                .subject(JdbcPriceAuthorisationRepository.class, () -> inTransaction(storage, s -> s.port(PriceAuthorisationRepository.class)))
                .subject(JdbcFloorPriceListRepository.class, () -> inTransaction(storage, s -> s.port(FloorPriceListRepository.class)))
                .subject(JdbcResourcePoolRepository.class, () -> inTransaction(storage, s -> s.port(ResourcePoolRepository.class)))
                .subject(JdbcReservationRepository.class, () -> inTransaction(storage, s -> s.port(ReservationRepository.class)))
                .subject(JdbcCapexProjectRepository.class, () -> inTransaction(storage, s -> s.port(CapexProjectRepository.class)))
                .subject(Row.class, () -> onARow(storage))
                .value(RowMapper.class, () -> row -> "mapped")
                .value(Columns.class, () -> Columns.create().set("sample", 1))
                .value(java.util.function.Supplier.class, () -> () -> "built")
                .value(java.math.BigDecimal.class, () -> java.math.BigDecimal.ONE);
        // StoredValues' readers take the Row of a query's mapper, which exists only inside that
        // mapper; their Row argument is checked first (Require.nonNull), like every other argument.
        for (String reader : List.of("currency", "decimal", "money", "optionalMoney", "optionalUser", "required",
                "requiredEnum", "user")) {
            tester.exclude(StoredValues.class, reader, "reads a Row, which exists only inside a query's mapper");
        }

        // Documented optional parts.
        tester.nullable(Columns.class, "set", "value", "binds SQL NULL; documented as 'the value to bind, or null'");

        tester.check("dev.keyline.jdbc").assertClean();
    }

    /** A subject whose calls run on the row of a one-row query, inside the mapper. */
    private static Subject onARow(JdbcStorage storage) {
        AtomicReference<Row> current = new AtomicReference<>();
        return new Subject(current::get, call -> storage.transactions().execute(() ->
                storage.session().queryOne("SELECT 'text' AS sample", row -> {
                    current.set(row);
                    return call.get();
                }).orElse(null)));
    }
}
