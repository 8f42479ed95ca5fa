package dev.keyline.examples;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the {@code keyline} command line, such as {@code classify} or {@code demo}.
 *
 * <p>A command writes its result to {@code out} and its complaints to {@code err} and returns the
 * process exit status; it never calls {@link System#exit(int)}, so tests run it in-process.
 */
public interface CliCommand {

    /** The word that selects this command on the command line. */
    String name();

    /** One line saying what the command does, for {@code --help}. */
    String summary();

    /** The command's synopsis, for example {@code classify --spend FILE.csv [--share 0.30]}. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param out where the result goes
     * @param err where complaints go
     * @return the exit status: {@link ExitStatus#OK}, {@link ExitStatus#BAD_INPUT} or {@link ExitStatus#FAILURE}
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
