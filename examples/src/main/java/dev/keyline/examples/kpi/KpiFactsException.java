package dev.keyline.examples.kpi;

import dev.keyline.domain.common.MalformedInputException;

/**
 * A facts file could not be read: its message names the place, by line and column and by the
 * JSON path of the value, and what was wrong there, for example
 * {@code line 4, column 37: workOrders[2].completed: must be an ISO-8601 instant …}.
 */
public class KpiFactsException extends MalformedInputException {

    private static final long serialVersionUID = 1L;

    /**
     * A problem at a place in the file.
     *
     * @param line the line, from 1
     * @param column the column, from 1
     * @param path the JSON path of the value at fault, such as {@code faults[0].deadline}, or empty
     *     for the file as a whole
     * @param problem what was wrong
     */
    public KpiFactsException(int line, int column, String path, String problem) {
        super("line " + line + ", column " + column + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /**
     * A problem at a place in the file, with its cause.
     *
     * @param line the line, from 1
     * @param column the column, from 1
     * @param path the JSON path of the value at fault, or empty
     * @param problem what was wrong
     * @param cause the underlying failure
     */
    public KpiFactsException(int line, int column, String path, String problem, Throwable cause) {
        super("line " + line + ", column " + column + ": " + (path.isEmpty() ? "" : path + ": ") + problem, cause);
    }
}
