package dev.keyline.benchmarks.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts one embedded PostgreSQL server for a whole benchmark run and writes its port to a file,
 * so that the forked benchmark JVMs (given the port in {@value Database#SERVER_PORT}) share it
 * instead of each starting its own; stops it when standard input closes or the process ends.
 * {@code benchmarks/run.sh} uses it.
 */
public final class PostgresServerMain {

    private PostgresServerMain() {
    }

    /**
     * Runs the server.
     *
     * @param args the file to write the port to
     * @throws IOException when the server does not start
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PostgresServerMain PORT_FILE");
            System.exit(2);
        }
        try (EmbeddedPostgres server = Database.startServer()) {
            Path file = Path.of(args[0]);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, String.valueOf(server.getPort()), StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() >= 0) {
                // wait until the caller closes our standard input
            }
        }
    }
}
