package dev.keyline.spi.account;

import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.common.LocalNetworkId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dated results of key-account reclassification runs (大客户重新认定), one per local network and
 * run date: which accounts were key accounts (with their tier and average spend) and which were
 * potential key accounts. A stored result is a record of what was decided; it is never changed or
 * removed.
 */
public interface ClassificationResultRepository {

    /**
     * Stores a result.
     *
     * @param result the result
     * @throws dev.keyline.domain.common.AlreadyExistsException when a result of the same network and
     *     run date is already stored; nothing is written
     */
    void store(ClassificationResult result);

    /**
     * The result of one network's run on one date.
     *
     * @param network the local network
     * @param runDate the run date
     * @return the result, or empty when there is none
     */
    Optional<ClassificationResult> find(LocalNetworkId network, LocalDate runDate);

    /**
     * The result of the network's most recent run: the one with the latest run date, whatever
     * order the results were stored in.
     *
     * @param network the local network
     * @return the result, or empty when the network has none
     */
    Optional<ClassificationResult> latest(LocalNetworkId network);

    /**
     * Every result of the network.
     *
     * @param network the local network
     * @return the results ordered by run date, oldest first; empty when there are none
     */
    List<ClassificationResult> history(LocalNetworkId network);
}
