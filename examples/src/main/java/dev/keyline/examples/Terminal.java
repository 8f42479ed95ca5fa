package dev.keyline.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the command line knows about the terminal it runs in, for progress shown only to a person. */
public final class Terminal {

    private Terminal() {
    }

    /**
     * Whether this process's stderr is a terminal. {@link System#console()} answers for stdin and
     * stdout together; on Linux, file descriptor 2 is checked too, so progress shows while stdout
     * is redirected to a file.
     *
     * @return true when stderr is known to be a terminal
     */
    public static boolean stderrIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            return target.startsWith("/dev/pts") || target.toString().startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc (not Linux) or not readable: not known to be a terminal, so stay silent
            return false;
        }
    }
}
