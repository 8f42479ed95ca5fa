package dev.keyline.json.tmf;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StagePlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a TMF641 {@code ServiceOrder_Create} asks Keyline to open: the parties, the plan and who
 * carries out each stage, the arguments of {@code ProvisioningOrder.open} other than the id, the
 * calendar and the warning share, which the host chooses.
 *
 * @param parties the account, product, originating unit, account manager and IT support (the
 *     related parties)
 * @param plan the stages (the service order items and their {@code dependsOn} relationships)
 * @param assignments who carries out each stage, in the plan's order
 * @param requestedStart the requested start ({@code requestedStartDate}), if given
 */
public record ServiceOrderRequest(ProvisioningParties parties, StagePlan plan, List<StageAssignment> assignments,
        Optional<Instant> requestedStart) {

    /**
     * Validates the request and copies the assignments.
     *
     * @param parties the account, product, originating unit, account manager and IT support (the related parties)
     * @param plan the stages (the service order items and their {@code dependsOn} relationships)
     * @param assignments who carries out each stage, in the plan's order
     * @param requestedStart the requested start ({@code requestedStartDate}), if given
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is null
     */
    public ServiceOrderRequest {
        Require.nonNull(parties, "parties");
        Require.nonNull(plan, "plan");
        assignments = List.copyOf(Require.nonNullElements(assignments, "assignments"));
        Require.nonNull(requestedStart, "requestedStart");
    }
}
