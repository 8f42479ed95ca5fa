package dev.keyline.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of a test broker's JVM: formats the storage directory of the KRaft node the
 * given {@code server.properties} describes (keeping it when formatted before, so a restart finds
 * its log), then runs the broker. The JVM halts when its standard input closes, so a test JVM that
 * dies never leaves a broker behind.
 */
final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    /**
     * Formats and runs one node.
     *
     * @param args the path of {@code server.properties} and the cluster id
     */
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(KafkaBrokerMain::haltWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int formatted = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", args[1], "-c", args[0], "--ignore-formatted"}, System.out);
        if (formatted != 0) {
            System.err.println("formatting the storage failed with status " + formatted);
            Runtime.getRuntime().halt(2);
        }
        kafka.Kafka.main(new String[] {args[0]});
    }

    private static void haltWhenParentGoes() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // the parent writes nothing; reading only waits for the end of the stream
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone just as well
        }
        Runtime.getRuntime().halt(3);
    }
}
