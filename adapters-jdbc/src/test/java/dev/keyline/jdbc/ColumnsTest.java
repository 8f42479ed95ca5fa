package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column lists of generated statements: plain identifiers only, each once whatever its case. */
class ColumnsTest {

    @Test
    void namesKeepTheirOrderTheirCaseAndTheirValuesNullsIncluded() {
        Columns columns = Columns.create().set("account_name", "A").set("Tier", null).set("x9_", 3);

        assertThat(columns.names()).containsExactly("account_name", "Tier", "x9_");
        assertThat(columns.values()).containsExactly("A", null, 3);
    }

    @Test
    void aNameIsTakenOnceWhateverItsCase() {
        for (String[] pair : new String[][] {{"label", "label"}, {"label", "LABEL"}, {"Label", "label"}, {"LaBeL", "lAbEl"}}) {
            Columns columns = Columns.create().set(pair[0], 1);
            assertThatThrownBy(() -> columns.set(pair[1], 2)).as(Arrays.toString(pair))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'" + pair[1] + "' was already set");
            assertThat(columns.names()).as("a refused name is not added").containsExactly(pair[0]);
        }
    }

    @Test
    void everyNameOfAWideRowIsTakenOnceAndItsInsertRowRefusesEachAgain() {
        // past the names' first table (16 slots) and the row's expected width (32 columns)
        for (int width : new int[] {7, 8, 15, 16, 31, 32, 33, 100}) {
            Columns columns = Columns.create();
            for (int i = 0; i < width; i++) {
                columns.set("c" + i, i);
            }
            for (int i = 0; i < width; i++) {
                String again = "C" + i;
                assertThatThrownBy(() -> columns.set(again, 0)).as("%d columns, %s", width, again)
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'" + again + "' was already set");
            }
            assertThatThrownBy(() -> columns.around("C0", "x", "version", 1L)).as("%d columns", width)
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'C0' was already set");
            assertThatThrownBy(() -> columns.around("id", "x", "c" + (width - 1), 1L)).as("%d columns", width)
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("already set");

            Columns row = columns.around("id", "x", "version", 1L);
            assertThat(row.names()).hasSize(width + 2).startsWith("id", "c0").endsWith("c" + (width - 1), "version");
            assertThat(row.values()).hasSize(width + 2).startsWith("x", 0).endsWith(width - 1, 1L);
            for (String taken : List.of("ID", "Version", "c0", "C" + (width / 2), "c" + (width - 1))) {
                assertThatThrownBy(() -> row.set(taken, 0)).as("%d columns, %s", width, taken)
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("already set");
            }
            assertThat(row.set("c" + width, width).names()).hasSize(width + 3).endsWith("c" + width);
            assertThat(columns.names()).as("the values' own names are left as they were").hasSize(width);
            assertThat(columns.set("id", "y").names()).hasSize(width + 1);
        }
    }

    @Test
    void aNameCheckedBeforeIsTakenAndRefusedAsTheFirstTimeAndTheCheckedNamesStayBounded() {
        // the second row's names come from the names checked already, the first's may not
        for (int row = 0; row < 2; row++) {
            Columns columns = Columns.create().set("Checked_Twice", 1).set("other", 2);
            assertThat(columns.names()).containsExactly("Checked_Twice", "other");
            assertThatThrownBy(() -> columns.set("checked_twice", 3)).as("row %d", row)
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'checked_twice' was already set");
            assertThatThrownBy(() -> columns.set("OTHER", 3)).as("row %d", row)
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'OTHER' was already set");
        }
        // names built at run time, more than are kept: past the bound each is still checked and taken once
        Columns wide = Columns.create();
        for (int i = 0; i < 6_000; i++) {
            wide.set("Built_" + i, i);
        }
        assertThat(Columns.checkedNames()).isLessThanOrEqualTo(4_096);
        assertThat(wide.names()).hasSize(6_000).endsWith("Built_5999");
        assertThatThrownBy(() -> wide.set("built_5999", 0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'built_5999' was already set");
        assertThatThrownBy(() -> wide.set("Built 6000", 0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("plain SQL identifier");
        assertThat(wide.set("Built_6000", 6_000).names()).hasSize(6_001);
    }

    @Test
    void onlyPlainSqlIdentifiersOfAtMost63CharactersAreNames() {
        String longest = "a".repeat(63);
        assertThat(Columns.create().set(longest, 1).set("_x", 2).set("Z0", 3).names()).containsExactly(longest, "_x", "Z0");

        for (String refused : new String[] {"a".repeat(64), "9lives", "label; DROP TABLE x", "a-b", "a b", "é", "a.b",
                "a\"b"}) {
            assertThatThrownBy(() -> Columns.create().set(refused, 1)).as(refused)
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("plain SQL identifier");
        }
        for (String blank : new String[] {"", " ", "\t"}) {
            assertThatThrownBy(() -> Columns.create().set(blank, 1)).as("'%s'", blank)
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must not be blank");
        }
        assertThatThrownBy(() -> Columns.create().set(null, 1)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("column");
    }

    @Test
    void anInsertRowPutsTheKeyFirstAndTheVersionLastLeavingTheValuesAsTheyWere() {
        Columns values = Columns.create().set("label", "a").set("counter", 2L);

        Columns row = values.around("id", "F-1", "version", 1L);

        assertThat(row.names()).containsExactly("id", "label", "counter", "version");
        assertThat(row.values()).containsExactly("F-1", "a", 2L, 1L);
        assertThat(values.names()).containsExactly("label", "counter");
        assertThatThrownBy(() -> row.set("LABEL", "b")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("already set");
    }

    @Test
    void anInsertRowRefusesAKeyOrVersionTheValuesAlreadyName() {
        Columns values = Columns.create().set("ID", "x").set("label", "a");

        assertThatThrownBy(() -> values.around("id", "F-1", "version", 1L)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'id' was already set");
        assertThatThrownBy(() -> Columns.create().set("Version", 0L).around("id", "F-1", "version", 1L))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'version' was already set");
        assertThatThrownBy(() -> values.around("id x", "F-1", "version", 1L)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("plain SQL identifier");
    }
}
