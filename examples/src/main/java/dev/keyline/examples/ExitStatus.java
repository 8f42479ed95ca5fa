package dev.keyline.examples;

/** The exit statuses of the {@code keyline} command line. */
public final class ExitStatus {

    /** The command did what it was asked. */
    public static final int OK = 0;

    /** The command failed for a reason other than its input, for example a file it could not write. */
    public static final int FAILURE = 1;

    /** The arguments or the input file were wrong; stderr says what and where, stdout stays empty. */
    public static final int BAD_INPUT = 2;

    private ExitStatus() {
    }
}
