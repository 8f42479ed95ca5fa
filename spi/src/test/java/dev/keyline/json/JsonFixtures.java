package dev.keyline.json;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test-only records shaped like domain values, to exercise the JSON module. */
final class JsonFixtures {

    private JsonFixtures() {
    }

    /** An id type the module has never heard of. */
    record OrderId(String value) implements Identifier {
        OrderId {
            Identifier.check(value, "orderId");
        }
    }

    /** A line that validates like a domain value. */
    record Line(String product, Money amount, int quantity) {
        Line {
            Require.nonBlank(product, "product");
            Require.nonNull(amount, "amount");
            Require.that(amount.signum() >= 0, "amount", "must not be negative, was " + amount);
            Require.positive(quantity, "quantity");
        }
    }

    /** A document with nested values, lists, maps and optional parts. */
    record Order(OrderId id, EventId lastEvent, List<Line> items, Instant placedAt, LocalDate due,
                 Audience audience, Optional<String> note, Map<OrderId, Money> credits) {
        Order {
            Require.nonNull(id, "id");
            items = Require.nonNullElements(items, "items");
            Require.nonNull(placedAt, "placedAt");
            note = note == null ? Optional.empty() : note;
            credits = credits == null ? Map.of() : Map.copyOf(credits);
        }

        /** Not a component: must not be written. */
        public boolean isEmpty() {
            return items.isEmpty();
        }

        /** Not a component either. */
        public Money getTotal() {
            return Money.sum(items.stream().map(Line::amount).toList(), Money.CNY);
        }
    }
}
