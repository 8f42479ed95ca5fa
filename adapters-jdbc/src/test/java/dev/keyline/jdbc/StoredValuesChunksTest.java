package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StoredValues#chunks}: the items in order, in full chunks but the last. */
class StoredValuesChunksTest {

    @Test
    void theChunksHoldTheItemsInOrderEveryOneFullButTheLast() {
        qt().withExamples(2_000)
                .forAll(lists().of(integers().all()).ofSizeBetween(0, 1_200), integers().between(1, 600))
                .checkAssert((items, size) -> {
                    List<List<Integer>> chunks = StoredValues.chunks(items, size);
                    List<Integer> joined = new ArrayList<>();
                    chunks.forEach(joined::addAll);
                    assertThat(joined).isEqualTo(items);
                    assertThat(chunks).hasSize((items.size() + size - 1) / size);
                    for (int i = 0; i < chunks.size(); i++) {
                        if (i < chunks.size() - 1) {
                            assertThat(chunks.get(i)).hasSize(size);
                        } else {
                            assertThat(chunks.get(i)).isNotEmpty().hasSizeLessThanOrEqualTo(size);
                        }
                    }
                });
    }

    @Test
    void aSizeThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> StoredValues.chunks(List.of(1, 2), 0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("size");
    }
}
