package dev.keyline.benchmarks.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * The key-account mix ({@link KeyAccountMix}) written by hand with plain JDBC into Keyline's
 * schema: the same rows Keyline writes, with the fewest statements a careful engineer needs.
 * Each command is one transaction; register inserts the account row and its event, assign and
 * activate each run one versioned {@code UPDATE} and insert their event, and recording spend is
 * one batched insert of the six facts. No reads: the program knows what it wrote (the access
 * checks Keyline makes are left out, which is the raw side's advantage).
 */
public final class RawKeyAccountMix {

    static final String INSERT_ACCOUNT = "INSERT INTO keyline_key_account (account_id, account_name, network_id, "
            + "industry, tier, status, account_manager, team_industry_manager, team_technical_manager, "
            + "team_business_manager, branches, annual_turnover, annual_turnover_currency, turnover_growth, "
            + "annual_investment, annual_investment_currency, white_collar_share, leases_private_circuits, "
            + "leases_network_elements, years_with_operator, own_customer_count, party_government_military, "
            + "influencer_kind, designation_reason, churn_warning_since, exit_reason, exited_at, registered_by, "
            + "registered_at, last_changed_at, version) VALUES (?, ?, ?, ?, 'NONE', 'PROSPECT', NULL, NULL, NULL, NULL, "
            + "0, 0.00, 'CNY', 0.000000, 0.00, 'CNY', 0.000000, FALSE, FALSE, 0, 0, FALSE, NULL, NULL, NULL, NULL, NULL, "
            + "?, ?, ?, 1)";
    static final String ASSIGN = "UPDATE keyline_key_account SET account_manager = ?, last_changed_at = ?, version = ? "
            + "WHERE account_id = ? AND version = ?";
    static final String ACTIVATE = "UPDATE keyline_key_account SET status = 'ACTIVE', last_changed_at = ?, version = ? "
            + "WHERE account_id = ? AND version = ?";
    static final String INSERT_FACT = "INSERT INTO keyline_spend_fact (fact_id, account_id, network_id, spend_month, "
            + "amount, currency, recorded_at, corrects) VALUES (?, ?, ?, ?, ?, 'CNY', ?, NULL)";

    private final DataSource dataSource;
    private final Timestamp now = Timestamp.from(Fixture.NOW);

    /**
     * The raw side on a pool.
     *
     * @param dataSource the pool
     */
    public RawKeyAccountMix(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the four commands for account {@code n}.
     *
     * @param n the account number
     * @throws SQLException when the database fails
     */
    public void run(long n) throws SQLException {
        String id = KeyAccountMix.accountId(n);
        String name = KeyAccountMix.name(n);
        String network = KeyAccountMix.NETWORK.value();
        String by = KeyAccountMix.BY.value();
        String manager = KeyAccountMix.MANAGER.value();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement(INSERT_ACCOUNT)) {
                    insert.setString(1, id);
                    insert.setString(2, name);
                    insert.setString(3, network);
                    insert.setString(4, KeyAccountMix.INDUSTRY.name());
                    insert.setString(5, by);
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.executeUpdate();
                }
                KeyAccountEvents.registered(n).insert(c);
                c.commit();

                try (PreparedStatement assign = c.prepareStatement(ASSIGN)) {
                    assign.setString(1, manager);
                    assign.setTimestamp(2, now);
                    assign.setLong(3, 2);
                    assign.setString(4, id);
                    assign.setLong(5, 1);
                    requireOneRow(assign.executeUpdate(), id);
                }
                KeyAccountEvents.managerAssigned(n).insert(c);
                c.commit();

                try (PreparedStatement activate = c.prepareStatement(ACTIVATE)) {
                    activate.setTimestamp(1, now);
                    activate.setLong(2, 3);
                    activate.setString(3, id);
                    activate.setLong(4, 2);
                    requireOneRow(activate.executeUpdate(), id);
                }
                KeyAccountEvents.activated(n).insert(c);
                c.commit();

                try (PreparedStatement facts = c.prepareStatement(INSERT_FACT)) {
                    for (int i = 0; i < KeyAccountMix.FACTS; i++) {
                        facts.setString(1, KeyAccountMix.factId(n, i));
                        facts.setString(2, id);
                        facts.setString(3, network);
                        facts.setString(4, KeyAccountMix.month(i).toString());
                        facts.setBigDecimal(5, KeyAccountMix.amount(n, i));
                        facts.setTimestamp(6, now);
                        facts.addBatch();
                    }
                    facts.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static void requireOneRow(int updated, String id) {
        if (updated != 1) {
            throw new IllegalStateException("expected to update one row of " + id + ", updated " + updated);
        }
    }

    static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
