package dev.keyline.jdbc;

import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.StatementLog.Executed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saving an aggregate that gained one history entry sends one INSERT of one row for it, and no
 * DELETE: tier history, price decisions and floor-price settings are append-only, so their stored
 * rows are never rewritten. The statements are counted on a real database through
 * {@link StatementLog}, up to the flush of the transaction's queued writes. Runs on H2 and PostgreSQL through its subclasses.
 */
abstract class JdbcAppendOnlyChildrenContract {

    private static final Instant T0 = Instant.parse("2024-01-01T08:00:00Z");
    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final UserId CLERK = new UserId("clerk");

    private final StatementLog log = new StatementLog();
    private JdbcStorage storage;

    /** The database to run on. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyTables() {
        TestDatabases.emptyStorage(dataSource());
        storage = JdbcStorage.builder(log.wrap(dataSource())).migrate(false).build();
    }

    @Test
    void aNewTierChangeIsOneInsertAndUnchangedChurnSignalsAreNotRewritten() {
        KeyAccount account = KeyAccount.register(new AccountId("KA1"), "Customer", SUZHOU, Industry.FINANCE, CLERK, T0);
        account.assignManager(new UserId("am-1"), CLERK, T0.plusSeconds(1));
        account.activate(CLERK, T0.plusSeconds(2));
        account.classify(Tier.LOCAL, "share", LocalDate.of(2024, 1, 1), CLERK, T0.plusSeconds(3));
        account.raiseChurnWarning(List.of(new ChurnSignal("complaints", ChurnSignalKind.COMPLAINTS,
                LocalDate.of(2024, 1, 2), "3 complaints")), T0.plusSeconds(4));
        storage.transactions().run(() -> storage.port(KeyAccountRepository.class).save(account));

        List<Executed> save = storage.transactions().execute(() -> {
            KeyAccount loaded = storage.port(KeyAccountRepository.class).find(account.id()).orElseThrow();
            loaded.classify(Tier.NATIONAL, "share", LocalDate.of(2024, 2, 1), CLERK, T0.plusSeconds(5));
            return log.during(() -> {
                storage.port(KeyAccountRepository.class).save(loaded);
                storage.transactions().flush(); // the save's writes are queued until here
            });
        });

        assertAppendedOneRow(save, "keyline_key_account_tier_change");
        assertThat(save).noneMatch(s -> s.kind().equals("INSERT") && s.touches("keyline_key_account_churn_signal"));
        // the versioned update and the insert: the stored signals and history are known from the load
        assertThat(save).as("statements of the save: %s", save).hasSize(2);
        KeyAccount reloaded = storage.transactions().execute(() -> storage.port(KeyAccountRepository.class).find(account.id())).orElseThrow();
        assertThat(reloaded.tierHistory()).hasSize(2).last().satisfies(c -> assertThat(c.to()).isEqualTo(Tier.NATIONAL));
        assertThat(reloaded.churnSignals()).isEqualTo(account.churnSignals());
    }

    @Test
    void anAccountLoadedInAnEarlierTransactionIsComparedWithWhatIsStoredNow() {
        KeyAccount account = KeyAccount.register(new AccountId("KA1"), "Customer", SUZHOU, Industry.FINANCE, CLERK, T0);
        account.assignManager(new UserId("am-1"), CLERK, T0.plusSeconds(1));
        account.activate(CLERK, T0.plusSeconds(2));
        account.classify(Tier.LOCAL, "share", LocalDate.of(2024, 1, 1), CLERK, T0.plusSeconds(3));
        account.raiseChurnWarning(List.of(new ChurnSignal("complaints", ChurnSignalKind.COMPLAINTS,
                LocalDate.of(2024, 1, 2), "3 complaints")), T0.plusSeconds(4));
        storage.transactions().run(() -> storage.port(KeyAccountRepository.class).save(account));
        KeyAccount loaded = storage.transactions().execute(() -> storage.port(KeyAccountRepository.class).find(account.id()))
                .orElseThrow();
        loaded.classify(Tier.NATIONAL, "share", LocalDate.of(2024, 2, 1), CLERK, T0.plusSeconds(5));

        List<Executed> save = storage.transactions().execute(() -> log.during(() -> {
            storage.port(KeyAccountRepository.class).save(loaded);
            storage.transactions().flush(); // the save's writes are queued until here
        }));

        assertAppendedOneRow(save, "keyline_key_account_tier_change");
        assertThat(save).noneMatch(s -> s.kind().equals("INSERT") && s.touches("keyline_key_account_churn_signal"));
        // this transaction did not load it: the versioned update, reading the stored signals, counting the history, the insert
        assertThat(save).as("statements of the save: %s", save).hasSize(4);
        KeyAccount reloaded = storage.transactions().execute(() -> storage.port(KeyAccountRepository.class).find(account.id())).orElseThrow();
        assertThat(reloaded.tierHistory()).hasSize(2);
        assertThat(reloaded.churnSignals()).isEqualTo(account.churnSignals());
    }

    @Test
    void changedChurnSignalsAreRewrittenAndTheHistoryStaysWhole() {
        KeyAccount account = KeyAccount.register(new AccountId("KA1"), "Customer", SUZHOU, Industry.FINANCE, CLERK, T0);
        account.assignManager(new UserId("am-1"), CLERK, T0.plusSeconds(1));
        account.activate(CLERK, T0.plusSeconds(2));
        account.raiseChurnWarning(List.of(new ChurnSignal("complaints", ChurnSignalKind.COMPLAINTS,
                LocalDate.of(2024, 1, 2), "3 complaints")), T0.plusSeconds(4));
        storage.transactions().run(() -> storage.port(KeyAccountRepository.class).save(account));

        storage.transactions().run(() -> {
            KeyAccount loaded = storage.port(KeyAccountRepository.class).find(account.id()).orElseThrow();
            loaded.clearChurnWarning(CLERK, T0.plusSeconds(5));
            loaded.classify(Tier.LOCAL, "share", LocalDate.of(2024, 2, 1), CLERK, T0.plusSeconds(6));
            storage.port(KeyAccountRepository.class).save(loaded);
        });

        KeyAccount reloaded = storage.transactions().execute(() -> storage.port(KeyAccountRepository.class).find(account.id())).orElseThrow();
        assertThat(reloaded.churnSignals()).isEmpty();
        assertThat(reloaded.tierHistory()).hasSize(1);
    }

    @Test
    void aNewPriceDecisionIsOneInsert() {
        // below the floor price: the financial manager and the department's general manager both approve
        AuthorityMatrix matrix = AuthorityMatrix.of(Map.of(Role.GENERAL_MANAGER, BigDecimal.ONE));
        FloorPriceList floors = FloorPriceList.create(new FloorPriceListId("SZ"));
        floors.setFloorPrice(Actor.withRoles(new UserId("fm-1"), Role.FINANCIAL_MANAGER), new ProductCode("DDN"),
                Money.cny("900.00"), T0);
        PriceOffer offer = new PriceOffer(new AccountId("KA1"), new ProductCode("DDN"), Money.cny("1000.00"),
                Money.cny("850.00"));
        PriceAuthorisation authorisation = PriceAuthorisation.request(new PriceAuthorisationId("PA1"), offer,
                Actor.withRoles(new UserId("am-1"), Role.ACCOUNT_MANAGER), "competitor", floors, matrix, T0);
        authorisation.approve(Actor.withRoles(new UserId("fm-1"), Role.FINANCIAL_MANAGER), matrix, "ok",
                T0.plusSeconds(1));
        storage.transactions().run(() -> storage.port(PriceAuthorisationRepository.class).save(authorisation));

        List<Executed> save = storage.transactions().execute(() -> {
            PriceAuthorisation loaded = storage.port(PriceAuthorisationRepository.class).find(authorisation.id()).orElseThrow();
            loaded.approve(Actor.withRoles(new UserId("dgm-1"), Role.DEPARTMENT_GENERAL_MANAGER), matrix, "agreed",
                    T0.plusSeconds(2));
            return log.during(() -> {
                storage.port(PriceAuthorisationRepository.class).save(loaded);
                storage.transactions().flush(); // the save's writes are queued until here
            });
        });

        assertAppendedOneRow(save, "keyline_price_authorisation_decision");
        // the versioned update and the insert: the stored decisions are known from the load
        assertThat(save).as("statements of the save: %s", save).hasSize(2);
        assertThat(storage.transactions().execute(() -> storage.port(PriceAuthorisationRepository.class).find(authorisation.id()))
                .orElseThrow().decisions()).hasSize(2);
    }

    @Test
    void aNewFloorPriceSettingIsOneInsert() {
        Actor finance = Actor.withRoles(new UserId("fm-1"), Role.FINANCIAL_MANAGER);
        FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
        list.setFloorPrice(finance, new ProductCode("DDN"), Money.cny("800.00"), T0);
        list.setFloorPrice(finance, new ProductCode("FR"), Money.cny("300.00"), T0.plusSeconds(1));
        storage.transactions().run(() -> storage.port(FloorPriceListRepository.class).save(list));

        List<Executed> save = storage.transactions().execute(() -> {
            FloorPriceList loaded = storage.port(FloorPriceListRepository.class).find(list.id()).orElseThrow();
            loaded.setFloorPrice(finance, new ProductCode("DDN"), Money.cny("750.00"), T0.plusSeconds(2));
            return log.during(() -> {
                storage.port(FloorPriceListRepository.class).save(loaded);
                storage.transactions().flush(); // the save's writes are queued until here
            });
        });

        assertAppendedOneRow(save, "keyline_floor_price");
        assertThat(save).as("statements of the save: %s", save).hasSize(2);
        assertThat(storage.transactions().execute(() -> storage.port(FloorPriceListRepository.class).find(list.id())).orElseThrow()
                .history()).hasSize(3);
    }

    private static void assertAppendedOneRow(List<Executed> save, String childTable) {
        assertThat(save).as("statements of the save: %s", save).noneMatch(s -> s.kind().equals("DELETE"));
        assertThat(save.stream().filter(s -> s.kind().equals("INSERT") && s.touches(childTable)).mapToInt(Executed::rows)
                .sum()).as("rows inserted into %s by %s", childTable, save).isEqualTo(1);
    }
}
