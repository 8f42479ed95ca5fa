package dev.keyline.jdbc;

import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Loads that another storage's saves overtake between their statements, on PostgreSQL. */
class ConsistentLoadPostgresTest extends ConsistentLoadContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }

    @TestFactory
    Stream<DynamicTest> aSaveCommittedWhileTheChildStatementsSentTogetherWaitIsFoundWhole() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(),
                () -> savedWhileTheChildStatementsWait(e)));
    }
}
