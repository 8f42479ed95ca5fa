package dev.keyline.runtime.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.SpareBelowMinimum;
import java.time.LocalDate;
import java.util.List;

/**
 * What one run of {@link SpareDailyCheck} did.
 *
 * @param day the day checked, in the host's time zone
 * @param belowMinimum how many stocks were below their minimum level when the run read them
 * @param raised the {@code resource.spare-below-minimum} events the run raised, in stock id order;
 *     a stock already reported that day is below its minimum but raises nothing again
 */
public record SpareCheckReport(LocalDate day, long belowMinimum, List<SpareBelowMinimum> raised) {

    /**
     * Validates the report.
     *
     * @param day the day checked, in the host's time zone
     * @param belowMinimum how many stocks were below their minimum level when the run read them
     * @param raised the {@code resource.spare-below-minimum} events the run raised, in stock id order; a stock already reported that day is below its minimum but raises nothing again
     * @throws InvalidArgumentException when a component is null or {@code belowMinimum} is negative
     */
    public SpareCheckReport {
        Require.nonNull(day, "day");
        Require.nonNegative(belowMinimum, "belowMinimum");
        raised = Require.nonNullElements(raised, "raised");
    }
}
