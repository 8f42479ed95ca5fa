package dev.keyline.examples;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the {@code keyline} command line, such as {@code classify} or {@code demo}.
 *
 * <p>An implementation is a picocli command: its class carries {@code @Command} with the command's
 * name, synopsis, description and footer, and its fields {@code @Option}s. picocli parses the
 * arguments into those fields, answers {@code --help} and {@code --version} and reports usage
 * errors; then {@link #execute(PrintStream, PrintStream)} does the work. A command writes its
 * result to {@code out} and its complaints to {@code err} and returns the process exit status; it
 * never calls {@link System#exit(int)}, so tests run it in-process.
 */
public interface CliCommand {

    /**
     * Does the command's work with the options the parser has set.
     *
     * @param out where the result goes
     * @param err where complaints go
     * @return the exit status: {@link ExitStatus#OK}, {@link ExitStatus#BAD_INPUT} or {@link ExitStatus#FAILURE}
     */
    int execute(PrintStream out, PrintStream err);

    /**
     * Parses {@code args} as this command's options and runs it, as {@code keyline <name> args}
     * would: help, version and usage errors included.
     *
     * @param args the arguments after the command's name
     * @param out where the result and help go
     * @param err where complaints go
     * @return the exit status
     */
    default int run(List<String> args, PrintStream out, PrintStream err) {
        return new KeylineCli(List.of(this)).run(KeylineCli.withCommandName(this, args), out, err);
    }
}
