package dev.keyline.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The "Crash" suite on a file H2 database, which only one process opens at a time. */
class CrashH2Test extends CrashContract {

    private static Path directory;

    @BeforeAll
    static void createDirectory() throws IOException {
        directory = Files.createTempDirectory("keyline-crash-h2");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    DataSource openCheckSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(workerUrl());
        config.setUsername(workerUser());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    @Override
    void closeCheckSource(DataSource dataSource) {
        ((HikariDataSource) dataSource).close();
    }

    @Override
    String workerUrl() {
        return "jdbc:h2:file:" + directory.resolve("crash").toAbsolutePath() + ";FILE_LOCK=FS;WRITE_DELAY=0";
    }

    @Override
    String workerUser() {
        return "sa";
    }

    @Override
    String database() {
        return "H2 (file)";
    }

    /**
     * H2 may lose commits it acknowledged when its process is killed, even with WRITE_DELAY=0: the
     * commit is written, but reopening the file may not find it (see {@link H2KillExperiment} and
     * the Crash section of docs/reliability.md).
     */
    @Override
    boolean keepsAcknowledgedCommits() {
        return false;
    }
}
