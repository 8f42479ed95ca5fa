package dev.keyline.jdbc;

import static dev.keyline.domain.testing.NullArgumentsTester.CONSTRUCTOR;
import static dev.keyline.tck.KeylineSamples.inTransaction;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.testing.NullArgumentsTester;
import dev.keyline.domain.testing.NullArgumentsTester.Subject;
import dev.keyline.jdbc.account.JdbcAccountPlanRepository;
import dev.keyline.jdbc.account.JdbcClassificationResultRepository;
import dev.keyline.jdbc.account.JdbcFloorPriceListRepository;
import dev.keyline.jdbc.account.JdbcKeyAccountRepository;
import dev.keyline.jdbc.account.JdbcPriceAuthorisationRepository;
import dev.keyline.jdbc.account.JdbcSpendFactRepository;
import dev.keyline.tck.KeylineSamples;
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
                .subject(JdbcAggregateRepository.class, () -> inTransaction(storage, s -> s.keyAccounts()))
                .subject(JdbcParentChildRepository.class, () -> inTransaction(storage, s -> s.keyAccounts()))
                .subject(JdbcKeyAccountRepository.class, () -> inTransaction(storage, s -> s.keyAccounts()))
                .subject(JdbcSpendFactRepository.class, () -> inTransaction(storage, s -> s.spendFacts()))
                .subject(JdbcClassificationResultRepository.class, () -> inTransaction(storage, s -> s.classificationResults()))
                .subject(JdbcAccountPlanRepository.class, () -> inTransaction(storage, s -> s.accountPlans()))
                .subject(JdbcPriceAuthorisationRepository.class, () -> inTransaction(storage, s -> s.priceAuthorisations()))
                .subject(JdbcFloorPriceListRepository.class, () -> inTransaction(storage, s -> s.floorPriceLists()))
                .subject(Row.class, () -> onARow(storage))
                .value(RowMapper.class, () -> row -> "mapped")
                .value(Columns.class, () -> Columns.create().set("sample", 1));

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
