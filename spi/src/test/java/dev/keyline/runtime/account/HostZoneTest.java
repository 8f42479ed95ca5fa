package dev.keyline.runtime.account;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.account.AreaState;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Every "today" of the runtime is the clock's instant in the host's time zone, not in the clock's
 * zone: a host in Shanghai works on Shanghai's date even when its clock runs in UTC.
 */
class HostZoneTest {

    /** 07:00 on 1 March 2026 in Shanghai, which is still 28 February (23:00) in UTC. */
    private static final Instant SHANGHAI_MORNING = Instant.parse("2026-02-28T23:00:00Z");
    private static final LocalDate FIRST_OF_MARCH = LocalDate.of(2026, 3, 1);

    @Test
    void theDefaultZoneIsShanghaiWhateverTheClocksZone() {
        TestClock clock = TestClock.at(SHANGHAI_MORNING);
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).build();

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(keyline.zone()).isEqualTo(ZoneId.of("Asia/Shanghai")).isEqualTo(Keyline.DEFAULT_ZONE);
        assertThat(keyline.today()).isEqualTo(FIRST_OF_MARCH);
        LocalDate commandsDate = keyline.execute(ctx -> ctx.today());
        ZoneId commandsZone = keyline.execute(ctx -> ctx.zone());
        assertThat(commandsDate).isEqualTo(FIRST_OF_MARCH);
        assertThat(commandsZone).isEqualTo(Keyline.DEFAULT_ZONE);
        assertThatThrownBy(() -> Keyline.builder().zone(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("zone");
    }

    @Test
    void aHostInShanghaiReclassifiesAtSevenInTheMorningOnTheFirstOfAMonth() {
        TestClock clock = TestClock.at(SHANGHAI_MORNING);
        KeyAccountServiceFixture world = new KeyAccountServiceFixture(new InMemoryStorage(), clock);
        world.serveSuzhou();

        ReclassificationPlan plan = world.reclassifications.reclassify(ZHOU, SUZHOU, FIRST_OF_MARCH);

        assertThat(plan.result().runDate()).isEqualTo(FIRST_OF_MARCH);
        assertThat(plan.updates()).contains(new TierUpdate(BANK, Tier.NONE, Tier.NATIONAL));
        assertThat(world.accounts.get(BANK).tier()).isEqualTo(Tier.NATIONAL);
    }

    @Test
    void aHostInUtcIsStillOnTheLastDayOfFebruaryAtThatInstant() {
        TestClock clock = TestClock.at(SHANGHAI_MORNING);
        KeyAccountServiceFixture world = new KeyAccountServiceFixture(new InMemoryStorage(), clock, ZoneId.of("UTC"));
        world.serveSuzhou();
        AreaState before = world.state();

        assertThatThrownBy(() -> world.reclassifications.reclassify(ZHOU, SUZHOU, FIRST_OF_MARCH))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("runDate"))
                .hasMessageContaining("2026-02-28").hasMessageContaining("UTC");
        assertThat(world.state()).isEqualTo(before);
    }
}
