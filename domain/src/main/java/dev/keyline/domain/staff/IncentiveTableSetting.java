package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * An incentive table put in force in an {@link IncentiveLedger}, with who set it and when.
 *
 * @param table the table
 * @param setBy who set it
 * @param setAt when
 */
public record IncentiveTableSetting(IncentiveTable table, UserId setBy, Instant setAt) {

    /**
     * Validates the setting.
     *
     * @param table the table
     * @param setBy who set it
     * @param setAt when
     * @throws InvalidArgumentException naming the component when one is null
     */
    public IncentiveTableSetting {
        Require.nonNull(table, "table");
        Require.nonNull(setBy, "setBy");
        Require.nonNull(setAt, "setAt");
    }
}
