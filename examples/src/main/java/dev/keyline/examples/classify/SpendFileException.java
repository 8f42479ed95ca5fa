package dev.keyline.examples.classify;

import dev.keyline.domain.common.MalformedInputException;

/**
 * A spend file could not be read: its message names the line and what was wrong with it, for
 * example {@code line 4: spend '-3' is negative}.
 */
public class SpendFileException extends MalformedInputException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String problem;

    /**
     * @param line the line number, counting the header as line 1
     * @param problem what was wrong on that line
     */
    public SpendFileException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** What was wrong on the line, without the line number. */
    public String problem() {
        return problem;
    }

    /** The line the problem is on, counting the header as line 1. */
    public int line() {
        return line;
    }
}
