package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.UserId;
import dev.keyline.json.JsonFixtures.Line;
import dev.keyline.json.JsonFixtures.Order;
import dev.keyline.json.JsonFixtures.OrderId;
import dev.keyline.tck.fixture.FixtureEvent;
import dev.keyline.tck.fixture.TallyAdvanced;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeylineJsonTest {

    private final KeylineJson json = KeylineJson.create();

    private static Order order() {
        return new Order(new OrderId("o-1"), new EventId(UUID.fromString("6f1c2a5e-0d4b-4f0e-9a51-2f3c1d7e8b90")),
                List.of(new Line("fibre", Money.cny("12.3"), 2), new Line("port", Money.cny("0.05"), 1)),
                Instant.parse("2026-03-02T08:15:30Z"), LocalDate.of(2026, 3, 31),
                Audience.of("order placed").withRole("ACCOUNT_MANAGER"), Optional.of("urgent"),
                Map.of(new OrderId("o-0"), Money.cny("5")));
    }

    @Test
    void moneyIsAnObjectWithThePlainAmountAsAStringAndTheCurrencyCode() {
        assertThat(json.write(Money.cny("12.3"))).isEqualTo("{\"amount\":\"12.30\",\"currency\":\"CNY\"}");
        assertThat(json.write(Money.cny("100000000000000000000"))).contains("\"100000000000000000000.00\"");
        assertThat(json.read("{\"amount\":\"12.30\",\"currency\":\"USD\"}", Money.class))
                .isEqualTo(Money.of(new java.math.BigDecimal("12.30"), Currency.getInstance("USD")));
    }

    @Test
    void moneyWithoutACurrencyIsCnyAndANumericAmountIsAccepted() {
        assertThat(json.read("{\"amount\":\"7\"}", Money.class)).isEqualTo(Money.cny("7.00"));
        assertThat(json.read("{\"amount\":7.5}", Money.class)).isEqualTo(Money.cny("7.50"));
    }

    @Test
    void periodsAreTheirTextFormAlsoAsMapKeys() {
        assertThat(json.write(Period.month(YearMonth.of(2026, 3)))).isEqualTo("\"2026-03\"");
        assertThat(json.write(Period.quarter(2026, 1))).isEqualTo("\"2026-Q1\"");
        assertThat(json.write(Period.year(2026))).isEqualTo("\"2026\"");
        assertThat(json.read("\"2026-Q4\"", Period.class)).isEqualTo(Period.quarter(2026, 4));
        Map<Period, Money> byPeriod = Map.of(Period.year(2025), Money.cny("3"));
        String text = json.write(byPeriod);
        assertThat(text).isEqualTo("{\"2025\":{\"amount\":\"3.00\",\"currency\":\"CNY\"}}");
        assertThat(json.read(text, new TypeReference<Map<Period, Money>>() { })).isEqualTo(byPeriod);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"p\":\"2026-Q5\"} | p: ",
        "{\"p\":\"2026-13\"} | p: ",
        "{\"p\":202603}      | p: a period must be a string",
        "{\"p\":\"March\"}   | p: ",
    })
    void malformedPeriodsNameTheField(String text, String expected) {
        assertThatThrownBy(() -> json.read(text, new TypeReference<Map<String, Period>>() { }))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 " + expected.strip());
    }

    @Test
    void identifiersOfAnyTypeArePlainStringsWithoutRegistration() {
        assertThat(json.write(new UserId("zhang.wei"))).isEqualTo("\"zhang.wei\"");
        assertThat(json.write(new OrderId("o-42"))).isEqualTo("\"o-42\"");
        assertThat(json.read("\"o-42\"", OrderId.class)).isEqualTo(new OrderId("o-42"));
        assertThat(json.read("{\"o-1\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}",
                new TypeReference<Map<OrderId, Money>>() { })).containsEntry(new OrderId("o-1"), Money.cny("1"));
    }

    @Test
    void aDocumentRoundTripsInItsDocumentedForm() {
        String text = json.write(order());

        assertThat(text).contains("\"id\":\"o-1\"")
                .contains("\"lastEvent\":\"6f1c2a5e-0d4b-4f0e-9a51-2f3c1d7e8b90\"")
                .contains("\"placedAt\":\"2026-03-02T08:15:30Z\"")
                .contains("\"due\":\"2026-03-31\"")
                .contains("\"audience\":{\"role\":\"ACCOUNT_MANAGER\",\"subject\":\"order placed\"}")
                .contains("\"credits\":{\"o-0\":{\"amount\":\"5.00\",\"currency\":\"CNY\"}}")
                .doesNotContain("empty").doesNotContain("total");
        assertThat(json.read(text, Order.class)).isEqualTo(order());
    }

    @Test
    void eventsAreReadBackByTheirStableTypeName() {
        FixtureEvent fixture = FixtureEvent.about("agg-1", Instant.parse("2026-03-02T08:00:00Z"), "hello");
        TallyAdvanced advanced = new TallyAdvanced(EventId.random(), Instant.parse("2026-03-02T09:00:00Z"), "t-1", 3, 7);

        String fixtureJson = json.writeEvent(fixture);
        String advancedJson = json.writeEvent(advanced);

        assertThat(json.eventTypes().types()).contains(FixtureEvent.TYPE, TallyAdvanced.TYPE);
        assertThat(json.readEvent(FixtureEvent.TYPE, fixtureJson)).isEqualTo(fixture);
        assertThat(json.readEvent(TallyAdvanced.TYPE, advancedJson)).isEqualTo(advanced);
        assertThat(fixtureJson).doesNotContain("\"type\"");
    }

    @Test
    void aHostReadsEventsThroughTypesItRegistered() {
        KeylineJson host = KeylineJson.create(new EventTypes().register(FixtureEvent.TYPE, FixtureEvent.class));
        FixtureEvent fixture = FixtureEvent.about("agg-1", Instant.parse("2026-03-02T08:00:00Z"), "hello");

        assertThat(host.readEvent(FixtureEvent.TYPE, json.write(fixture))).isEqualTo(fixture);
    }

    @Test
    void anUnknownEventTypeIsMalformedInputNamingTheType() {
        assertThatThrownBy(() -> json.readEvent("no.such-event", "{}"))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("no.such-event");
    }

    @Test
    void aTypeNameCannotBeRegisteredForTwoClasses() {
        EventTypes types = new EventTypes().register("x.y", FixtureEvent.class);
        assertThatThrownBy(() -> types.register("x.y", TallyAdvanced.class))
                .isInstanceOf(SerialisationException.class).hasMessageContaining("x.y")
                .hasMessageContaining(FixtureEvent.class.getName());
        // registering the same pair again, as every event written does, changes nothing
        assertThat(types.register("x.y", FixtureEvent.class)).isSameAs(types);
        assertThat(types.types()).containsExactly("x.y");
        assertThat(types.classOf("x.y")).contains(FixtureEvent.class);
    }

    @Test
    void aHostsMapperUsesTheSameForms() throws Exception {
        var mapper = KeylineJson.newObjectMapper();
        assertThat(mapper.writeValueAsString(new OrderId("o-9"))).isEqualTo("\"o-9\"");
        assertThat(mapper.readValue(mapper.writeValueAsString(order()), Order.class)).isEqualTo(order());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"amount\":\"12.3x\",\"currency\":\"CNY\"}                    | amount: not a decimal number",
        "{\"amount\":\"12.345\"}                                         | amount: has more than 2 decimals",
        "{\"amount\":true}                                               | amount: must be a decimal string",
        "{\"currency\":\"CNY\"}                                          | amount: is missing",
        "{\"amount\":\"1.00\",\"currency\":\"XXXY\"}                    | currency: not an ISO 4217",
        "{\"amount\":\"1.00\",\"colour\":\"red\"}                       | colour: is not a property of Money",
        "\"12.30\"                                                       | $: money must be an object",
        "{\"amount\":\"1.00\"                                            | $: not valid JSON",
    })
    void malformedMoneyNamesTheField(String text, String expected) {
        assertThatThrownBy(() -> json.read(text, Money.class))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining(expected);
    }

    @Test
    void aFieldDeepInADocumentIsNamedByItsPath() {
        String text = json.write(order()).replace("\"0.05\"", "\"0.0x\"");
        assertThatThrownBy(() -> json.read(text, Order.class))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 items[1].amount.amount: not a decimal number");
    }

    @Test
    void aRecordsValidationErrorNamesTheFieldItRejected() {
        String text = json.write(order()).replace("\"0.05\"", "\"-0.05\"");
        assertThatThrownBy(() -> json.read(text, Order.class))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageStartingWith("KL-102 items[1].amount: must not be negative");
    }

    @Test
    void validationErrorsAtTheTopLevelNameTheField() {
        String text = json.write(order()).replace("\"placedAt\":\"2026-03-02T08:15:30Z\"", "\"placedAt\":null");
        assertThatThrownBy(() -> json.read(text, Order.class))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 placedAt: must not be null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"id\":\"o-1\"                                | \"id\":\"o 1!\"                      | id: ",
        "\"lastEvent\":\"6f1c2a5e-0d4b-4f0e-9a51-2f3c1d7e8b90\" | \"lastEvent\":\"nope\"     | lastEvent: ",
        "\"quantity\":2                                | \"quantity\":\"two\"                 | items[0].quantity: cannot read the string 'two' as int",
        "\"quantity\":2                                | \"quantity\":2.5                     | items[0].quantity: ",
        "\"id\":\"o-1\"                                | \"id\":5                             | id: cannot read the number 5 as OrderId",
        "\"quantity\":2                                | \"quantity\":null                    | items[0].quantity: must not be null",
        "\"quantity\":2                                | \"quantity\":2,\"colour\":\"red\"    | items[0].colour: is not a property of Line",
        "\"due\":\"2026-03-31\"                        | \"due\":\"2026-02-30\"               | due: ",
        "\"placedAt\":\"2026-03-02T08:15:30Z\"         | \"placedAt\":\"yesterday\"           | placedAt: ",
        "\"items\":[                                   | \"items\":{},\"x\":[                 | items: cannot read an object as a list",
    })
    void malformedFieldsAreNamed(String original, String replacement, String expected) {
        String text = json.write(order()).replace(original.strip(), replacement.strip());
        assertThat(text).contains(replacement.strip());
        assertThatThrownBy(() -> json.read(text, Order.class))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 " + expected.strip());
    }

    @Test
    void trailingGarbageIsMalformed() {
        assertThatThrownBy(() -> json.read("\"o-1\" \"o-2\"", OrderId.class))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 $: ");
    }

    @Test
    void theMalformedInputKeepsJacksonsFailureAsItsCause() {
        assertThatThrownBy(() -> json.read("{", Money.class)).isInstanceOf(MalformedInputException.class)
                .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }
}
