package dev.keyline.tck.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.authority.AccountStanding;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.authority.AccountStandingRepository;
import dev.keyline.tck.StorageBackedContract;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The compatibility kit of {@link AccountStandingRepository}: commercial authorisation's projection
 * of the key accounts. Unknown accounts are empty, a standing reads back equal, {@code put} replaces,
 * writes go with their transaction, and any sequence of puts leaves each account's last one. A
 * provider runs it by extending {@link AuthorityAreaContract}, or this class directly.
 */
public abstract class AccountStandingRepositoryContract extends StorageBackedContract {

    private final String prefix = UUID.randomUUID().toString().substring(0, 8);

    private AccountStandingRepository standings() {
        return storage.port(AccountStandingRepository.class);
    }

    private AccountId account(String suffix) {
        return new AccountId("S" + prefix + suffix);
    }

    private Optional<AccountStanding> find(AccountId account) {
        return inTransaction(() -> standings().find(account));
    }

    private void put(AccountStanding standing) {
        inTransaction(() -> {
            standings().put(standing);
            return null;
        });
    }

    @Test
    void anAccountNeverProjectedIsUnknown() {
        assertThat(find(account("none"))).isEmpty();
    }

    @Test
    void aStandingReadsBackEqualAndPutReplacesIt() {
        AccountId id = account("1");
        AccountStanding registered = AccountStanding.registered(id, new LocalNetworkId("SZ"), Industry.FINANCE);
        put(registered);
        assertThat(find(id)).contains(registered);

        AccountStanding managed = registered.withManager(new UserId("wang"));
        put(managed);
        assertThat(find(id)).contains(managed);

        AccountStanding exited = managed.asExited();
        put(exited);
        assertThat(find(id)).contains(exited);
        assertThat(find(id).orElseThrow().accountManager()).contains(new UserId("wang"));
    }

    @Test
    void idsAndNamesAtTheirLongestAreKept() {
        AccountId id = new AccountId(("L" + prefix + "x".repeat(64)).substring(0, 64));
        AccountStanding longest = new AccountStanding(id, new LocalNetworkId("N".repeat(64)),
                Industry.SCIENCE_EDUCATION_CULTURE_HEALTH, Optional.of(new UserId("u".repeat(64))), true);
        put(longest);
        assertThat(find(id)).contains(longest);
    }

    @Test
    void aPutInATransactionThatRollsBackLeavesNothing() {
        AccountId id = account("rb");
        assertThatThrownBy(() -> inTransaction(() -> {
            standings().put(AccountStanding.registered(id, new LocalNetworkId("SZ"), Industry.TOURISM));
            throw new IllegalStateException("the reaction failed after writing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(find(id)).isEmpty();
    }

    @Test
    void afterAnySequenceOfPutsEachAccountHasItsLastStanding() {
        // one number per standing: which of four accounts, its industry, its manager (none or one of two), exited or not
        int industries = Industry.values().length;
        Gen<AccountStanding> standings = integers().between(0, 4 * industries * 3 * 2 - 1).map(n -> new AccountStanding(
                account("p" + n % 4), new LocalNetworkId(n % 2 == 0 ? "SZ" : "KM"), Industry.values()[n / 4 % industries],
                n / (4 * industries) % 3 == 0 ? Optional.empty() : Optional.of(new UserId("m" + n / (4 * industries) % 3)),
                n / (4 * industries * 3) % 2 == 1));
        qt().withExamples(propertyExamples()).withShrinkCycles(20)
                .forAll(lists().of(standings).ofSizeBetween(1, 12))
                .checkAssert(puts -> {
                    Map<AccountId, AccountStanding> last = new HashMap<>();
                    for (AccountStanding s : puts) {
                        put(s);
                        last.put(s.account(), s);
                    }
                    for (Map.Entry<AccountId, AccountStanding> e : last.entrySet()) {
                        assertThat(find(e.getKey())).contains(e.getValue());
                    }
                });
    }

}
