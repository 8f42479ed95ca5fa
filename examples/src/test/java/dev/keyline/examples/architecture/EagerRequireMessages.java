package dev.keyline.examples.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the calls of {@code Require.that(condition, name, message)} in Java source whose message is
 * built on every call: a message that is not a string literal or text block (or literals joined
 * with {@code +}), a lambda or a plain name. Such a message costs its string building even when the condition
 * holds, which is nearly always; on a hot path (an outbox entry built per delivery, an actor per
 * command) that building outweighed the check itself. The lazy form is
 * {@code Require.that(condition, name, () -> "..." + value)}.
 *
 * <p>The scan reads source text: it skips string and character literals and text blocks while it
 * matches parentheses and splits the arguments, which is all the call needs.
 */
final class EagerRequireMessages {

    private static final Pattern CALL = Pattern.compile("\\bRequire\\.that\\(");
    private static final Pattern LITERALS = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\")*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]*");

    private EagerRequireMessages() {
    }

    /**
     * The eager messages in one source text.
     *
     * @param source the Java source
     * @return for each, its line (from 1) and the message as written, white space folded
     */
    static List<String> in(String source) {
        List<String> found = new ArrayList<>();
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            int open = call.end();
            int close = closingParenthesis(source, open);
            List<String> arguments = topLevelArguments(source, open, close);
            if (arguments.size() != 3) {
                continue;
            }
            String message = arguments.get(2).strip();
            boolean textBlock = message.startsWith("\"\"\"") && message.endsWith("\"\"\"")
                    && message.indexOf("\"\"\"", 3) == message.length() - 3;
            if (textBlock || LITERALS.matcher(message).matches() || NAME.matcher(message).matches()
                    || message.startsWith("()")) {
                continue;
            }
            int line = (int) source.substring(0, call.start()).chars().filter(c -> c == '\n').count() + 1;
            found.add(line + ": " + message.replaceAll("\\s+", " "));
        }
        return found;
    }

    /** The index of the parenthesis that closes the one just before {@code from}. */
    private static int closingParenthesis(String s, int from) {
        int depth = 1;
        int i = from;
        while (i < s.length()) {
            int skipped = skipLiteral(s, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced parentheses after index " + from);
    }

    /** The arguments between {@code from} and {@code to}, split at the commas outside brackets and literals. */
    private static List<String> topLevelArguments(String s, int from, int to) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        int i = from;
        while (i < to) {
            int skipped = skipLiteral(s, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(s.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        arguments.add(s.substring(start, to));
        return arguments;
    }

    /** The index just past the literal (string, text block, character) starting at {@code i}, or {@code i} if none does. */
    private static int skipLiteral(String s, int i) {
        char c = s.charAt(i);
        if (c == '"' && s.startsWith("\"\"\"", i)) {
            int end = s.indexOf("\"\"\"", i + 3);
            return end < 0 ? s.length() : end + 3;
        }
        if (c != '"' && c != '\'') {
            return i;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }
}
