package dev.keyline.examples;

import dev.keyline.domain.common.Require;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@code keyline} command line: {@code java -jar keyline.jar <command> [options]}.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} does everything but exit, so tests call it
 * in-process; {@link #main(String[])} exits with its status. Exit statuses are those of
 * {@link ExitStatus}: 0 done, 1 failed, 2 bad arguments or input (message on stderr, nothing on
 * stdout).
 */
public final class KeylineCli {

    /** How the program is started, as shown in usage messages. */
    public static final String PROGRAM = "java -jar keyline.jar";

    private final List<CliCommand> commands;

    /**
     * A command line offering the given commands.
     *
     * @param commands the commands, listed by {@code --help} in this order
     */
    public KeylineCli(List<CliCommand> commands) {
        this.commands = Require.nonNullElements(commands, "commands");
    }

    /**
     * The command line with every command this module ships, as listed for {@link ServiceLoader} in
     * {@code META-INF/services/dev.keyline.examples.CliCommand} (so this package does not depend on
     * the packages of the commands, which depend on it).
     */
    public static KeylineCli withAllCommands() {
        List<CliCommand> shipped = ServiceLoader.load(CliCommand.class, KeylineCli.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        return new KeylineCli(shipped);
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(withAllCommands().run(args, System.out, System.err));
    }

    /**
     * Runs the command named by the first argument.
     *
     * @param args the command and its options
     * @param out where results and help go
     * @param err where complaints go
     * @return the exit status
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        Require.nonNull(args, "args");
        Require.nonNull(out, "out");
        Require.nonNull(err, "err");
        if (args.length == 0) {
            err.println("keyline: no command given");
            err.print(help());
            return ExitStatus.BAD_INPUT;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.print(help());
            return ExitStatus.OK;
        }
        Optional<CliCommand> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            err.println("keyline: unknown " + (name.startsWith("-") ? "option" : "command") + " '" + name
                    + "'; run '" + PROGRAM + " --help' to list the commands");
            return ExitStatus.BAD_INPUT;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print("Usage: " + PROGRAM + " " + command.get().usage());
            return ExitStatus.OK;
        }
        try {
            return command.get().run(rest, out, err);
        } catch (RuntimeException e) {
            err.println("keyline " + name + ": failed: " + e);
            e.printStackTrace(err);
            return ExitStatus.FAILURE;
        }
    }

    /** The text {@code --help} prints: the synopsis and one line per command. */
    public String help() {
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(PROGRAM).append(" <command> [options]\n\nCommands:\n");
        for (CliCommand c : commands) {
            text.append("  ").append(c.name()).append(" ".repeat(width - c.name().length() + 3))
                    .append(c.summary()).append('\n');
        }
        text.append("\nRun '").append(PROGRAM).append(" <command> --help' for a command's options.\n");
        return text.toString();
    }
}
