package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.benchmarks.storage.orm.HibernateBudgetCommitment;
import dev.keyline.benchmarks.storage.orm.Orm;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The budget-commitment mix writes identical rows on Keyline, raw JDBC and Hibernate. Budget
 * {@code k} runs the mix's first {@code k} commands, so the tables end up holding every stage a
 * budget passes through, from targets set to issued, with a request booked, and with the request
 * replaced by an order.
 */
class BudgetCommitmentSameRowsTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyStageWritesKeylinesRows(Database database) throws SQLException {
        try (Fixture keyline = Fixture.create(database); Fixture raw = Fixture.create(database);
                Fixture hibernate = Fixture.create(database);
                SessionFactory sessions = Orm.sessionFactory(hibernate.dataSource())) {
            BudgetCommitmentMix mix = new BudgetCommitmentMix(keyline);
            RawBudgetCommitment rawMix = new RawBudgetCommitment(raw.dataSource());
            HibernateBudgetCommitment hibernateMix = new HibernateBudgetCommitment(sessions);
            for (int k = 1; k <= BudgetCommitmentMix.COMMANDS; k++) {
                mix.run(k, k);
                rawMix.run(k, k);
                hibernateMix.run(k, k);
            }
            assertThat(SameRows.assertSame(keyline.dataSource(), raw.dataSource())).containsExactly("keyline_budget=8", "keyline_budget_alert_share=16",
                    "keyline_budget_ledger=4", "keyline_budget_line=6", "keyline_budget_status_change=27",
                    "keyline_outbox=37");
            SameRows.assertSame(keyline.dataSource(), hibernate.dataSource());
        }
    }
}
