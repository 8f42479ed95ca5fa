package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;
import java.util.Set;

/**
 * One level's responsibility for one stage of a provisioning work order, as the four-level
 * assessment (四级考核) sees it: who answered for the stage at that level, when the stage was
 * completed and whether on time. A work order's stage yields four facts, one per level: the account
 * manager, the station manager, the station executor and IT support.
 *
 * @param order the work order's id, 1 to {@value Limits#ID_LENGTH} characters
 * @param stage the stage's id within the order, 1 to {@value Limits#ID_LENGTH} characters
 * @param level the level answering: one of {@link #LEVELS}
 * @param assignee the person (or, for a station manager, the station) answering at that level,
 *     1 to {@value Limits#ID_LENGTH} characters
 * @param completed when the stage was completed
 * @param onTime whether it was completed by its due time
 */
public record ResponsibilityFact(String order, String stage, Role level, String assignee, Instant completed,
        boolean onTime) {

    /** The four levels of the provisioning assessment. */
    public static final Set<Role> LEVELS = Set.of(Role.ACCOUNT_MANAGER, Role.STATION_MANAGER, Role.STATION_EXECUTOR,
            Role.IT_SUPPORT);

    /**
     * Validates the fact.
     *
     * @param order the work order's id, 1 to {@value Limits#ID_LENGTH} characters
     * @param stage the stage's id within the order, 1 to {@value Limits#ID_LENGTH} characters
     * @param level the level answering: one of {@link #LEVELS}
     * @param assignee the person (or, for a station manager, the station) answering at that level, 1 to {@value Limits#ID_LENGTH} characters
     * @param completed when the stage was completed
     * @param onTime whether it was completed by its due time
     * @throws InvalidArgumentException naming the field when an argument is null, an id is blank or
     *     too long, or the level is not one of the four
     */
    public ResponsibilityFact {
        Require.text(order, "order", Limits.ID_LENGTH);
        Require.text(stage, "stage", Limits.ID_LENGTH);
        Require.nonNull(level, "level");
        Require.that(LEVELS.contains(level), "level",
                () -> "must be one of the four assessment levels ACCOUNT_MANAGER, STATION_MANAGER, STATION_EXECUTOR, IT_SUPPORT, was "
                        + level);
        Require.text(assignee, "assignee", Limits.ID_LENGTH);
        Require.nonNull(completed, "completed");
    }
}
