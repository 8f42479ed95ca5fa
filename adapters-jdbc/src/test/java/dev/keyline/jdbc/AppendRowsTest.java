package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows of an append-only collection are built only when read, so a save that inserts the
 * entries after those stored builds no row for the stored ones.
 */
class AppendRowsTest {

    @Test
    void onlyTheRowsReadAreBuiltEachWithItsPosition() {
        List<Integer> built = new ArrayList<>();
        List<Object[]> rows = JdbcParentChildRepository.appendRows(List.of("a", "b", "c", "d", "e"), (i, entry) -> {
            built.add(i);
            return new Object[] {i + 1, entry};
        });

        assertThat(rows).hasSize(5);
        assertThat(built).as("nothing is built before a row is read").isEmpty();

        // what appendChildren hands on when three rows are stored: the tail, copied by the queue
        List<Object[]> tail = List.copyOf(rows.subList(3, rows.size()));

        assertThat(built).containsExactly(3, 4);
        assertThat(tail).containsExactly(new Object[] {4, "d"}, new Object[] {5, "e"});
    }

    @Test
    void theRowsAreReadOnly() {
        List<Object[]> rows = JdbcParentChildRepository.appendRows(List.of("a"), (i, entry) -> new Object[] {entry});

        assertThatThrownBy(() -> rows.add(new Object[] {"b"})).isInstanceOf(UnsupportedOperationException.class);
        assertThat(rows).isInstanceOf(java.util.RandomAccess.class);
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> JdbcParentChildRepository.appendRows(null, (i, entry) -> new Object[0]))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("entries");
        assertThatThrownBy(() -> JdbcParentChildRepository.appendRows(List.of(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("row");
    }
}
