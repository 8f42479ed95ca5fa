package dev.keyline.runtime;

import dev.keyline.runtime.workorder.FaultClockTimers;
import dev.keyline.runtime.workorder.StageAlertTimers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.authority.AccountStandings;
import dev.keyline.runtime.budget.InvestmentProposals;
import dev.keyline.runtime.resource.AccountExitReleases;
import dev.keyline.runtime.resource.CapacityBuiltAdditions;
import dev.keyline.runtime.resource.ReservationExpiries;
import dev.keyline.runtime.sla.BindingReservations;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.tck.RecordingSink;
import org.junit.jupiter.api.Test;

/** How the runtime wires reactions: the areas' by the storage's areas, a host's explicitly, names unique with the sinks'. */
class ReactionWiringTest {

    private static final Reaction.Handler NOTHING = (event, context) -> { };

    private static Reaction named(String name) {
        return Reaction.of(name, NOTHING, "account.*");
    }

    @Test
    void theReactionsOfTheAreasTheStorageStoresAreWiredThenTheHostsOwn() {
        Reaction own = named("host.audit");

        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).reaction(own).build();

        assertThat(keyline.reactions()).extracting(Reaction::name).containsExactly(AccountStandings.REACTION,
                AccountExitReleases.REACTION, ReservationExpiries.REACTION, CapacityBuiltAdditions.REACTION,
                BindingReservations.REACTION, StageAlertTimers.REACTION, FaultClockTimers.REACTION,
                InvestmentProposals.REACTION, "host.audit");
        assertThat(keyline.relay().reactions()).containsOnlyKeys(AccountStandings.REACTION, AccountExitReleases.REACTION,
                ReservationExpiries.REACTION, CapacityBuiltAdditions.REACTION, InvestmentProposals.REACTION,
                BindingReservations.REACTION, StageAlertTimers.REACTION, FaultClockTimers.REACTION, "host.audit");
    }

    @Test
    void theReactionsOfAnAreaTheStorageDoesNotStoreAreNotWired() {
        InMemoryStorage bare = InMemoryStorage.builder().discover(false).build();

        assertThat(Keyline.builder().storage(bare).build().reactions()).isEmpty();
    }

    @Test
    void theAreasReactionsCanBeLeftOut() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).areaReactions(false).reaction(named("own")).build();

        assertThat(keyline.reactions()).extracting(Reaction::name).containsExactly("own");
    }

    @Test
    void aReactionNamedLikeASinkOrAnotherReactionIsAConfigurationError() {
        assertThatThrownBy(() -> Keyline.builder().storage(new InMemoryStorage()).sink(new RecordingSink("crm"))
                .reaction(named("crm")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'crm' has the name of a notification sink");
        assertThatThrownBy(() -> Keyline.builder().storage(new InMemoryStorage()).reaction(named(AccountStandings.REACTION))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("two reactions are named '" + AccountStandings.REACTION + "'");
    }

    @Test
    void aReactionTakesExactTypesAndPrefixes() {
        Reaction reaction = Reaction.of("r", NOTHING, "account.exited", "authority.*");

        assertThat(reaction.takes("account.exited")).isTrue();
        assertThat(reaction.takes("authority.price-requested")).isTrue();
        assertThat(reaction.takes("account.registered")).isFalse();
        assertThat(reaction.takes("authority")).isFalse();
    }

    @Test
    void aReactionNeedsANameAHandlerAndAtLeastOneType() {
        assertThatThrownBy(() -> Reaction.of(" ", NOTHING, "a.b")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> Reaction.of("x".repeat(256), NOTHING, "a.b")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at most 255");
        assertThatThrownBy(() -> Reaction.of("r", NOTHING)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("takes");
        assertThatThrownBy(() -> Reaction.of("r", null, "a.b")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("handler");
        assertThatThrownBy(() -> Reaction.of("r", NOTHING, "a.*.b")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("eventTypePattern");
        assertThatThrownBy(() -> Keyline.builder().reaction(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("reaction");
    }
}
