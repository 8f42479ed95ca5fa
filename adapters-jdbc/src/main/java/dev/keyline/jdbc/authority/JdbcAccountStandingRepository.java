package dev.keyline.jdbc.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.authority.AccountStanding;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.authority.AccountStandingRepository;
import java.util.Optional;

/**
 * The account standings in the table {@code keyline_account_standing} (migration
 * {@code V201__account_standing.sql}): one row per account, replaced in place by {@link #put}.
 */
final class JdbcAccountStandingRepository implements AccountStandingRepository {

    private static final String COLUMNS = "account_id, network_id, industry, account_manager, exited";

    private final JdbcSession session;

    JdbcAccountStandingRepository(JdbcSession session) {
        this.session = session;
    }

    @Override
    public Optional<AccountStanding> find(AccountId account) {
        Require.nonNull(account, "account");
        return session.queryOne("SELECT " + COLUMNS + " FROM keyline_account_standing WHERE account_id = ?",
                JdbcAccountStandingRepository::standing, account);
    }

    @Override
    public void put(AccountStanding standing) {
        Require.nonNull(standing, "standing");
        int updated = session.update("UPDATE keyline_account_standing SET network_id = ?, industry = ?, account_manager = ?, "
                + "exited = ? WHERE account_id = ?", standing.network(), standing.industry(), standing.accountManager(),
                standing.exited(), standing.account());
        if (updated == 0) {
            session.update("INSERT INTO keyline_account_standing (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                    standing.account(), standing.network(), standing.industry(), standing.accountManager(),
                    standing.exited());
        }
    }

    private static AccountStanding standing(Row row) {
        try {
            return new AccountStanding(row.identifier("account_id", AccountId::new),
                    row.identifier("network_id", LocalNetworkId::new), row.enumValue("industry", Industry.class),
                    Optional.ofNullable(row.identifier("account_manager", UserId::new)), row.bool("exited"));
        } catch (CorruptStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptStateException("keyline_account_standing row of account " + row.string("account_id")
                    + " is not a valid standing: " + e.getMessage(), e);
        }
    }
}
