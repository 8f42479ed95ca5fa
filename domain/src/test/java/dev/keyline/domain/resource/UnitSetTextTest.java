package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of a unit set, which the reservations' events name their units by. */
class UnitSetTextTest {

    @Test
    void rangesInOrderSingleUnitsWithoutADash() {
        UnitSet units = new UnitSet(List.of(new UnitRange(9, 12), new UnitRange(1, 4), new UnitRange(7, 7)));

        assertThat(units).hasToString("[1-4, 7, 9-12]");
    }

    @Test
    void mergedRangesAreOneAndTheEmptySetIsEmptyBrackets() {
        assertThat(UnitSet.of(1, 4).union(UnitSet.of(5, 8))).hasToString("[1-8]");
        assertThat(UnitSet.of(3, 3)).hasToString("[3]");
        assertThat(UnitSet.EMPTY).hasToString("[]");
        assertThat(UnitSet.of(1, 9_000_000_000L).minus(UnitSet.of(2, 8_999_999_999L))).hasToString("[1, 9000000000]");
    }
}
