package dev.keyline.examples;

import dev.keyline.domain.common.Require;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@code keyline} command line: {@code java -jar keyline.jar <command> [options]}, parsed by
 * picocli.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} does everything but exit, so tests call it
 * in-process; {@link #main(String[])} exits with its status. Exit statuses are those of
 * {@link ExitStatus}: 0 done, 1 failed, 2 bad arguments or input (message on stderr, nothing on
 * stdout). Every command answers {@code --help} and {@code --version}; {@code generate-completion}
 * prints a bash (and zsh) completion script ({@link CompletionCommand}).
 */
public final class KeylineCli {

    /** How the program is started, as shown in usage messages. */
    public static final String PROGRAM = "java -jar keyline.jar";

    private final List<CliCommand> commands;

    /**
     * A command line offering the given commands and {@code generate-completion}.
     *
     * @param commands the commands, each a picocli {@code @Command}, listed by {@code --help} in this order
     */
    public KeylineCli(List<CliCommand> commands) {
        List<CliCommand> given = Require.nonNullElements(commands, "commands");
        for (CliCommand command : given) {
            Require.that(command.getClass().isAnnotationPresent(Command.class), "commands",
                    () -> command.getClass().getName() + " is not annotated with picocli's @Command");
        }
        this.commands = given;
    }

    /**
     * The command line with every command this module ships, as listed for {@link ServiceLoader} in
     * {@code META-INF/services/dev.keyline.examples.CliCommand} (so this package does not depend on
     * the packages of the commands, which depend on it).
     *
     * @return the command line
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
     * @param out where results, help and the version go
     * @param err where complaints go
     * @return the exit status
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        Require.nonNullElements(Arrays.asList(Require.nonNull(args, "args")), "args");
        Require.nonNull(out, "out");
        Require.nonNull(err, "err");
        CommandLine line = commandLine();
        ParseResult parsed;
        try {
            parsed = line.parseArgs(args);
        } catch (ParameterException e) {
            return usageError(e, err);
        }
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine chosen = last.commandSpec().commandLine();
        if (last.isUsageHelpRequested()) {
            chosen.usage(out);
            return ExitStatus.OK;
        }
        if (last.isVersionHelpRequested()) {
            chosen.printVersionHelp(out);
            return ExitStatus.OK;
        }
        if (!(chosen.getCommand() instanceof CliCommand command)) {
            err.println("keyline: no command given");
            line.usage(err);
            return ExitStatus.BAD_INPUT;
        }
        try {
            return command.execute(out, err);
        } catch (RuntimeException e) {
            err.println("keyline " + chosen.getCommandName() + ": failed: " + e);
            e.printStackTrace(err);
            return ExitStatus.FAILURE;
        }
    }

    /** The text {@code --help} prints: the synopsis, the options and one line per command. */
    public String help() {
        return commandLine().getUsageMessage();
    }

    /**
     * The arguments {@code keyline <command> args} for one command.
     *
     * @param command the command
     * @param args the arguments after its name
     * @return the command's name followed by {@code args}
     */
    static String[] withCommandName(CliCommand command, List<String> args) {
        Require.nonNull(command, "command");
        List<String> all = new ArrayList<>();
        all.add(new CommandLine(command).getCommandName());
        all.addAll(Require.nonNullElements(args, "args"));
        return all.toArray(String[]::new);
    }

    private CommandLine commandLine() {
        CommandLine line = new CommandLine(new Root());
        for (CliCommand command : commands) {
            line.addSubcommand(command);
        }
        line.addSubcommand(new CompletionCommand());
        // a value such as @file stays a value; nothing is read from files the user did not name
        line.setExpandAtFiles(false);
        return line;
    }

    private static int usageError(ParameterException e, PrintStream err) {
        CommandLine where = e.getCommandLine();
        boolean topLevel = where.getCommandSpec().parent() == null;
        if (topLevel && e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            err.println("keyline: unknown " + (word.startsWith("-") ? "option" : "command") + " '" + word
                    + "'; run '" + PROGRAM + " --help' to list the commands");
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty() && !word.startsWith("-")) {
                err.println("Did you mean: " + String.join(", ", suggestions) + "?");
            }
            return ExitStatus.BAD_INPUT;
        }
        String name = topLevel ? "keyline" : "keyline " + where.getCommandName();
        err.println(name + ": " + e.getMessage());
        err.println("Run '" + PROGRAM + (topLevel ? "" : " " + where.getCommandName()) + " --help' for "
                + (topLevel ? "the commands." : "its options."));
        return ExitStatus.BAD_INPUT;
    }

    /** The top level: no options but help and version, which every command inherits. */
    @Command(name = PROGRAM, mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
            versionProvider = KeylineVersion.class, sortOptions = false,
            customSynopsis = {PROGRAM + " <command> [options]", "       " + PROGRAM + " [--help | --version]"},
            description = {"Keyline's example command line: classify key accounts, split costs, plan provisioning, "
                    + "compute KPIs and run the demo story."},
            commandListHeading = "%nCommands:%n",
            footer = {"%nRun '" + PROGRAM + " <command> --help' for a command's options.",
                "Exit status: 0 done; 1 the command failed for a reason other than its input; 2 bad arguments or "
                        + "input (message on stderr, nothing on stdout)."})
    static final class Root {
    }
}
