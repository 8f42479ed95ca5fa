package dev.keyline.json.tmf;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One move of a fault ticket as TMF621 shows it: a {@code statusChange} entry (date, TMF status,
 * reason) and the {@code note} of the same position (author, date, text).
 *
 * @param author who made the move
 * @param changeDate when
 * @param status the TMF621 status after the move, spelled as the specification spells it
 * @param reason the move's note
 */
public record Tmf621Change(UserId author, Instant changeDate, String status, String reason) {

    /**
     * Validates the entry.
     *
     * @param author who made the move
     * @param changeDate when
     * @param status the TMF621 status after the move, spelled as the specification spells it
     * @param reason the move's note
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or blank, or the status is not a TMF621 status
     */
    public Tmf621Change {
        Require.nonNull(author, "author");
        Require.nonNull(changeDate, "changeDate");
        Require.nonBlank(status, "status");
        Require.that(Tmf621.STATUSES.contains(status), "status", () -> "not a TMF621 status: " + status);
        Require.nonBlank(reason, "reason");
    }
}
