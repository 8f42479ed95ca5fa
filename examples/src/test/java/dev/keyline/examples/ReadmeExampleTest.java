package dev.keyline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.spi.Notification;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The README's code example, run as written: {@link DocSamplesTest} checks that the README shows the
 * region between the sample markers word for word.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRegistersAnAccountInH2AndDeliversItsEvent() {
        // sample:readme:start
        JdbcDataSource dataSource = new JdbcDataSource();                // any DataSource: H2 or PostgreSQL
        dataSource.setURL("jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1");

        List<Notification> delivered = new CopyOnWriteArrayList<>();
        Keyline keyline = Keyline.builder()
                .storage(JdbcStorage.builder(dataSource).migrate(true).build())  // creates Keyline's tables
                .sink(delivered::add)                                    // or a WebhookSink, a KafkaSink, ...
                .build();

        KeyAccounts accounts = KeyAccounts.on(keyline);
        Actor zhou = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
        KeyAccountSnapshot bank = accounts.register(zhou, new AccountId("A-BANK"), "Bank of Suzhou",
                new LocalNetworkId("SZ"), Industry.FINANCE);              // one command, one transaction

        keyline.relay().pumpUntilIdle(10);                               // the outbox hands its events to the sink
        delivered.forEach(n -> System.out.println(n.type() + " " + n.aggregateId()));
        // sample:readme:end

        assertThat(bank.id()).isEqualTo(new AccountId("A-BANK"));
        assertThat(accounts.get(new AccountId("A-BANK")).name()).isEqualTo("Bank of Suzhou");
        assertThat(delivered).as("the README says the example prints exactly one line")
                .singleElement().satisfies(n -> {
                    assertThat(n.type()).isEqualTo("account.registered");
                    assertThat(n.aggregateId()).isEqualTo("A-BANK");
                });
    }
}
