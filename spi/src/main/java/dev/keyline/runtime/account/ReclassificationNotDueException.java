package dev.keyline.runtime.account;

import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;

/**
 * A key-account reclassification run (大客户重新认定) was asked for before the network's policy makes
 * it due (the list is redrawn every year or every half year); nothing was changed. Use the forced
 * run to redraw the list early.
 */
public final class ReclassificationNotDueException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    private final transient LocalNetworkId network;
    /** The date of the network's last run. */
    private final LocalDate lastRun;
    /** The first date a run is due. */
    private final LocalDate nextDue;

    /**
     * @param network the local network
     * @param runDate the date asked for
     * @param lastRun the date of the network's last run
     * @param nextDue the first date a run is due
     */
    public ReclassificationNotDueException(LocalNetworkId network, LocalDate runDate, LocalDate lastRun,
            LocalDate nextDue) {
        super(message(network, runDate, lastRun, nextDue));
        this.network = network;
        this.lastRun = lastRun;
        this.nextDue = nextDue;
    }

    private static String message(LocalNetworkId network, LocalDate runDate, LocalDate lastRun, LocalDate nextDue) {
        Require.nonNull(network, "network");
        Require.nonNull(runDate, "runDate");
        Require.nonNull(lastRun, "lastRun");
        Require.nonNull(nextDue, "nextDue");
        return "the reclassification of network " + network + " on " + runDate + " is not due: the last run was on "
                + lastRun + ", the next is due on " + nextDue + "; force the run to redraw the list early";
    }

    /** {@return the local network} */
    public LocalNetworkId network() {
        return network;
    }

    /** {@return the date of the network's last run} */
    public LocalDate lastRun() {
        return lastRun;
    }

    /** {@return the first date a run is due} */
    public LocalDate nextDue() {
        return nextDue;
    }
}
