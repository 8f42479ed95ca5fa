package dev.keyline.tck.authority;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.DDN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.HOTEL;
import static dev.keyline.tck.account.KeyAccountServiceFixture.LI;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU_FLOORS;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.authority.AccountStanding;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.authority.AccountStandings;
import dev.keyline.spi.authority.AccountStandingRepository;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commercial authorisation's account standings kept by its reaction to key-account events, run
 * through the runtime on one provider: the reaction is wired by the authority's runtime area,
 * registration, manager assignment and exit reach the projection once the relay delivers them, a
 * and a price request waits for the projection and is refused once the account exited. (That a
 * redelivered event is applied once holds for every reaction: see {@code ReactionContract}.)
 */
public abstract class AccountStandingReactionContract extends StorageBackedContract {

    private KeyAccountServiceFixture world;

    /** The fixture's world over this test's storage. */
    @BeforeEach
    void createWorld() {
        world = new KeyAccountServiceFixture(storage);
    }

    private Optional<AccountStanding> standing(AccountId account) {
        return inTransaction(() -> storage.port(AccountStandingRepository.class).find(account));
    }

    private PriceOffer offer(AccountId account) {
        return new PriceOffer(account, DDN, Money.cny("1000.00"), Money.cny("950.00"));
    }

    @Test
    void theAuthorityAreaWiresItsReactionOnAStorageThatStoresIt() {
        assertThat(world.keyline.reactions()).extracting(Reaction::name).contains(AccountStandings.REACTION);
        Reaction reaction = world.keyline.reactions().stream().filter(r -> r.name().equals(AccountStandings.REACTION))
                .findFirst().orElseThrow();
        assertThat(reaction.takes("account.registered")).isTrue();
        assertThat(reaction.takes("account.manager-assigned")).isTrue();
        assertThat(reaction.takes("account.exited")).isTrue();
        assertThat(reaction.takes("account.profile-updated")).isFalse();
    }

    @Test
    void registrationManagerAndExitReachTheStandingOnceTheRelayDeliversThem() {
        world.serveSuzhou();
        assertThat(standing(BANK)).as("not before the relay ran").isEmpty();

        world.keyline.relay().pumpUntilIdle(20);

        AccountStanding bank = AccountStanding.registered(BANK, SUZHOU, Industry.FINANCE).withManager(WANG.user());
        AccountStanding hotel = AccountStanding.registered(HOTEL, SUZHOU, Industry.TOURISM).withManager(LI.user());
        assertThat(standing(BANK)).contains(bank);
        assertThat(standing(HOTEL)).contains(hotel);

        world.accounts.assignManager(ZHOU, BANK, new UserId("zhao"));
        world.accounts.exit(ZHOU, BANK, "moved to a competitor");
        assertThat(standing(BANK)).as("not before the relay ran").contains(bank);
        world.keyline.relay().pumpUntilIdle(20);

        assertThat(standing(BANK)).contains(bank.withManager(new UserId("zhao")).asExited());
        assertThat(standing(HOTEL)).as("other accounts unchanged").contains(hotel);
    }

    @Test
    void aPriceRequestWaitsForTheAccountToBeKnownAndIsRefusedOnceItExited() {
        world.serveSuzhou();
        PriceAuthorisationId first = new PriceAuthorisationId("PA-1");

        assertThatThrownBy(() -> world.prices.request(WANG, first, offer(BANK), SUZHOU_FLOORS, "renewal"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("key account " + BANK + " is not known to commercial authorisation yet");
        assertThat(world.prices.find(first)).isEmpty();

        world.keyline.relay().pumpUntilIdle(20);
        assertThat(world.prices.request(WANG, first, offer(BANK), SUZHOU_FLOORS, "renewal").id()).isEqualTo(first);
        assertThatThrownBy(() -> world.prices.request(LI, new PriceAuthorisationId("PA-2"), offer(BANK), SUZHOU_FLOORS,
                "not his")).isInstanceOf(dev.keyline.domain.common.NotAuthorisedException.class);

        world.accounts.exit(WANG, BANK, "moved to a competitor");
        world.keyline.relay().pumpUntilIdle(20);
        assertThatThrownBy(() -> world.prices.request(WANG, new PriceAuthorisationId("PA-3"), offer(BANK), SUZHOU_FLOORS,
                "win back")).isInstanceOf(InvalidStateException.class).hasMessageContaining("has exited");
    }

}
