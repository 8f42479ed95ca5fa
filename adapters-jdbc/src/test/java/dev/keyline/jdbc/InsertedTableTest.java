package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which table a child INSERT writes, which decides whether its rows join the transaction's write-behind. */
class InsertedTableTest {

    @Test
    void namesTheTableOfAnInsertInLowerCase() {
        assertThat(JdbcParentChildRepository.insertedTable("INSERT INTO keyline_stage (a, b) VALUES (?, ?)"))
                .isEqualTo("keyline_stage");
        assertThat(JdbcParentChildRepository.insertedTable("  insert  into Keyline_Stage_Two(a) VALUES (?)"))
                .isEqualTo("keyline_stage_two");
    }

    @Test
    void namesNoTableForAnyOtherStatement() {
        assertThat(JdbcParentChildRepository.insertedTable("UPDATE keyline_stage SET a = ? WHERE b = ?")).isEmpty();
        assertThat(JdbcParentChildRepository.insertedTable("INSERT INTO keyline_stage SELECT * FROM keyline_other")).isEmpty();
        assertThat(JdbcParentChildRepository.insertedTable("MERGE INTO keyline_stage (a) KEY (a) VALUES (?)")).isEmpty();
    }

    @Test
    void aTextSeenBeforeGivesTheSameAnswer() {
        String insert = "INSERT INTO keyline_seen_twice (a) VALUES (?)";
        String update = "UPDATE keyline_seen_twice SET a = ?";
        for (int i = 0; i < 3; i++) {
            assertThat(JdbcParentChildRepository.insertedTable(insert)).isEqualTo("keyline_seen_twice");
            assertThat(JdbcParentChildRepository.insertedTable(update)).isEmpty();
        }
    }
}
