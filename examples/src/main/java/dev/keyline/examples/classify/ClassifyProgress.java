package dev.keyline.examples.classify;

import dev.keyline.examples.Terminal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Progress of a long {@code classify} run, for a person watching a terminal: one line on stderr,
 * rewritten in place at most every quarter second while the file is read, then a summary line.
 * Reading threads report bytes through {@link #accept(long)}.
 */
final class ClassifyProgress implements LongConsumer {

    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final String file;
    private final long size;
    private final long started = System.nanoTime();
    private long read;
    private long printed = started;
    private boolean shown;

    ClassifyProgress(PrintStream err, String file, long size) {
        this.err = err;
        this.file = file;
        this.size = size;
    }

    /** Whether this process's stderr is a terminal; see {@link Terminal#stderrIsTerminal()}. */
    static boolean stderrIsTerminal() {
        return Terminal.stderrIsTerminal();
    }

    @Override
    public synchronized void accept(long bytes) {
        read += bytes;
        long now = System.nanoTime();
        if (now - printed >= EVERY_NANOS && read < size) {
            printed = now;
            shown = true;
            err.printf(Locale.ROOT, "\rkeyline classify: reading %s: %d %% (%d of %d MB)", file,
                    size == 0 ? 100 : read * 100 / size, read >> 20, size >> 20);
            err.flush();
        }
    }

    /** Ends the progress line with what was read and how long it took. */
    synchronized void done(SpendFileReader.Contents contents) {
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "%skeyline classify: %s: %d rows, %d customers, %d networks, %d months in %.1f s (%.0f rows/s)%n",
                shown ? "\r\033[K" : "", file, contents.rows(), contents.customers(), contents.averages().size(),
                contents.window().size(), seconds, contents.rows() / Math.max(seconds, 1e-9));
    }
}
