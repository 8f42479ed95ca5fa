package dev.keyline.examples;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;

/**
 * {@code generate-completion}: prints a bash completion script for every command and option
 * (zsh reads it too, after {@code autoload -U +X bashcompinit && bashcompinit}). The script
 * completes the word {@value #ALIAS}, so define that first:
 * <pre>{@code
 * alias keyline='java -jar /path/to/keyline.jar'
 * source <(java -jar /path/to/keyline.jar generate-completion)
 * }</pre>
 */
@Command(name = "generate-completion", customSynopsis = KeylineCli.PROGRAM + " generate-completion",
        description = {"Print a bash/zsh completion script for the commands and their options",
            "Define the alias first, then load the script, for example in ~/.bashrc:",
            "  alias keyline='java -jar /path/to/keyline.jar'",
            "  source <(java -jar /path/to/keyline.jar generate-completion)"},
        footer = {"%nExit status: 0 done."})
public final class CompletionCommand implements CliCommand {

    /** The command word the script completes. */
    public static final String ALIAS = "keyline";

    @Spec
    private CommandSpec spec;

    /** A generate-completion command. */
    public CompletionCommand() {
    }

    @Override
    public int execute(PrintStream out, PrintStream err) {
        out.print(AutoComplete.bash(ALIAS, spec.root().commandLine()));
        out.flush();
        return ExitStatus.OK;
    }
}
