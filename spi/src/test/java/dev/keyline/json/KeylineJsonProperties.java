package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.KernelGenerators;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.UserId;
import dev.keyline.json.JsonFixtures.Line;
import dev.keyline.json.JsonFixtures.Order;
import dev.keyline.json.JsonFixtures.OrderId;
import dev.keyline.tck.fixture.FixtureEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Round trips and failure paths of the JSON module over random values. */
class KeylineJsonProperties {

    private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:";

    private final KeylineJson json = KeylineJson.create();

    private static Gen<String> idTexts() {
        return lists().of(Generate.range(0, ID_CHARACTERS.length() - 1).map(ID_CHARACTERS::charAt))
                .ofSizeBetween(1, 64).map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }

    private static Gen<Instant> instants() {
        return longs().between(0, 4_102_444_800L).zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    private static Gen<String> texts() {
        return strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 20);
    }

    private static Gen<Line> lines() {
        return texts().map(t -> "p" + t).zip(KernelGenerators.nonNegativeMoney(), integers().between(1, 1000), Line::new);
    }

    private static Gen<Order> orders() {
        return orders(0);
    }

    /** Orders of at least {@code minItems} lines; built by size, since a filter's retries replay QuickTheories' empty boundary. */
    private static Gen<Order> orders(int minItems) {
        Gen<Audience> audiences = texts().zip(texts(), (s, r) -> Audience.of("s" + s).withRole(r));
        return idTexts().zip(lists().of(lines()).ofSizeBetween(minItems, 6), instants(), audiences,
                (id, items, at, audience) -> new Order(new OrderId(id), EventId.random(), items, at,
                        LocalDate.ofEpochDay(at.getEpochSecond() / 86_400), audience,
                        items.isEmpty() ? Optional.empty() : Optional.of(id), Map.of(new OrderId(id), Money.cny("1"))));
    }

    @Test
    void moneyRoundTripsInItsDocumentedForm() {
        qt().forAll(KernelGenerators.money()).checkAssert(m -> {
            String text = json.write(m);
            assertThat(text).isEqualTo("{\"amount\":\"" + m.amount().toPlainString() + "\",\"currency\":\"CNY\"}");
            assertThat(json.read(text, Money.class)).isEqualTo(m);
        });
    }

    @Test
    void moneyInOtherCurrenciesRoundTrips() {
        qt().forAll(KernelGenerators.smallMoney(), KernelGenerators.otherCurrencies())
                .checkAssert((m, c) -> {
                    Money other = Money.of(m.amount(), c);
                    assertThat(json.read(json.write(other), Money.class)).isEqualTo(other);
                });
    }

    @Test
    void periodsRoundTripAsTheirTextForm() {
        qt().forAll(KernelGenerators.periods()).checkAssert(p -> {
            assertThat(json.write(p)).isEqualTo("\"" + p + "\"");
            assertThat(json.read(json.write(p), Period.class)).isEqualTo(p);
        });
    }

    @Test
    void instantsAndDatesRoundTripAsIsoText() {
        qt().forAll(KernelGenerators.instants(), KernelGenerators.dates()).checkAssert((i, d) -> {
            assertThat(json.write(i)).isEqualTo("\"" + i + "\"");
            assertThat(json.read(json.write(i), Instant.class)).isEqualTo(i);
            assertThat(json.write(d)).isEqualTo("\"" + d + "\"");
            assertThat(json.read(json.write(d), LocalDate.class)).isEqualTo(d);
        });
    }

    @Test
    void everyValidIdentifierRoundTripsAsAPlainString() {
        qt().forAll(idTexts()).checkAssert(text -> {
            assertThat(json.write(new UserId(text))).isEqualTo(json.write(text));
            assertThat(json.read(json.write(new UserId(text)), UserId.class)).isEqualTo(new UserId(text));
            assertThat(json.read(json.write(new OrderId(text)), OrderId.class)).isEqualTo(new OrderId(text));
        });
    }

    @Test
    void documentsRoundTrip() {
        qt().forAll(orders()).checkAssert(o -> assertThat(json.read(json.write(o), Order.class)).isEqualTo(o));
    }

    @Test
    void eventsRoundTripThroughTheirTypeName() {
        qt().forAll(idTexts(), instants(), texts()).checkAssert((aggregate, at, note) -> {
            FixtureEvent event = new FixtureEvent(new EventId(UUID.randomUUID()), at, aggregate, note);
            assertThat(json.readEvent(FixtureEvent.TYPE, json.writeEvent(event))).isEqualTo(event);
        });
    }

    @Test
    void aNegativeAmountAnywhereInADocumentIsNamedByItsPath() {
        qt().forAll(orders(1), integers().between(0, 5))
                .checkAssert((o, pick) -> {
                    int index = pick % o.items().size();
                    Line bad = o.items().get(index);
                    String badLine = json.write(bad);
                    String text = json.write(o).replace(badLine,
                            badLine.replace("\"amount\":\"", "\"amount\":\"-1"));
                    int first = json.write(o).indexOf(badLine);
                    int firstIndex = 0;
                    for (int i = 0; i < o.items().size(); i++) {
                        if (json.write(o.items().get(i)).equals(badLine)) {
                            firstIndex = i;
                            break;
                        }
                    }
                    assertThat(first).isNotNegative();
                    assertThatThrownBy(() -> json.read(text, Order.class)).isInstanceOf(MalformedInputException.class)
                            .hasMessageStartingWith("KL-102 items[" + firstIndex + "].amount: must not be negative");
                });
    }
}
