package dev.keyline.examples;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command, parsed from {@code --name value} or {@code --name=value} words.
 *
 * <p>Every option takes a value, except the flags a command declares (such as {@code --quiet});
 * a value in the next word may not itself start with {@code --} (use {@code --name=value} for
 * that). Options not declared, a missing value, a value given to a flag, a stray word that is not
 * an option, and a non-repeatable option or a flag given twice are rejected with an
 * {@link InvalidArgumentException} naming the option.
 */
public final class CommandLineOptions {

    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private CommandLineOptions(Map<String, List<String>> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * Parses {@code args}.
     *
     * @param args the words after the command's name
     * @param single the options that may appear at most once, with their leading {@code --}
     * @param repeatable the options that may appear any number of times, with their leading {@code --}
     * @return the parsed options
     */
    public static CommandLineOptions parse(List<String> args, Set<String> single, Set<String> repeatable) {
        return parse(args, single, repeatable, Set.of());
    }

    /**
     * Parses {@code args} with flags: options that take no value and may appear at most once.
     *
     * @param args the words after the command's name
     * @param single the options that may appear at most once, with their leading {@code --}
     * @param repeatable the options that may appear any number of times, with their leading {@code --}
     * @param flags the options without a value, with their leading {@code --}
     * @return the parsed options
     */
    public static CommandLineOptions parse(List<String> args, Set<String> single, Set<String> repeatable,
            Set<String> flags) {
        Require.nonNullElements(args, "args");
        Require.nonNullElements(single, "single");
        Require.nonNullElements(repeatable, "repeatable");
        Require.nonNullElements(flags, "flags");
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!word.startsWith("--")) {
                throw new InvalidArgumentException(word, "unexpected argument; options start with --");
            }
            if (flags.contains(word)) {
                if (!given.add(word)) {
                    throw new InvalidArgumentException(word, "may be given only once");
                }
                continue;
            }
            if (word.indexOf('=') >= 0 && flags.contains(word.substring(0, word.indexOf('=')))) {
                throw new InvalidArgumentException(word.substring(0, word.indexOf('=')), "takes no value");
            }
            String name = word;
            String value;
            int equals = word.indexOf('=');
            if (equals >= 0) {
                name = word.substring(0, equals);
                value = word.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = null;
            }
            if (!single.contains(name) && !repeatable.contains(name)) {
                throw new InvalidArgumentException(name, "unknown option");
            }
            if (value == null) {
                throw new InvalidArgumentException(name, "needs a value");
            }
            List<String> named = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (single.contains(name) && !named.isEmpty()) {
                throw new InvalidArgumentException(name, "may be given only once");
            }
            named.add(value);
        }
        return new CommandLineOptions(values, Set.copyOf(given));
    }

    /**
     * Whether a flag was given.
     *
     * @param name the flag, with its leading {@code --}
     * @return true when given
     */
    public boolean flag(String name) {
        Require.nonNull(name, "name");
        return flags.contains(name);
    }

    /** The value of an option given at most once, if it was given. */
    public Optional<String> value(String name) {
        Require.nonNull(name, "name");
        List<String> given = values.getOrDefault(name, List.of());
        return given.isEmpty() ? Optional.empty() : Optional.of(given.get(0));
    }

    /** The value of an option that must be given; fails naming the option when it was not. */
    public String required(String name) {
        return value(name).orElseThrow(() -> new InvalidArgumentException(name, "is required"));
    }

    /** Every value of a repeatable option, in the order given. */
    public List<String> values(String name) {
        Require.nonNull(name, "name");
        return List.copyOf(values.getOrDefault(name, List.of()));
    }
}
