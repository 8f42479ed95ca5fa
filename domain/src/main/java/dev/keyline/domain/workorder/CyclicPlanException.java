package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A provisioning plan's stages wait for each other in a circle, so none of them could ever start.
 * The message and {@link #cycle()} name the stages of one such circle.
 */
public class CyclicPlanException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    /** The stages of the cycle, each a predecessor of the next and the last of the first. */
    private final List<StageId> cycle;

    /**
     * @param cycle the stages of the cycle, each a predecessor of the next and the last a
     *     predecessor of the first; at least one stage (a stage that comes after itself)
     * @throws InvalidArgumentException naming {@code cycle} when it is null, empty or holds null
     */
    public CyclicPlanException(List<StageId> cycle) {
        super("stages", "the stages " + describe(cycle) + " wait for each other in a cycle, so none of them can start");
        this.cycle = List.copyOf(cycle);
    }

    /**
     * The stages of the cycle, each a predecessor of the next and the last a predecessor of the
     * first.
     *
     * @return the cycle's stages, at least one
     */
    public List<StageId> cycle() {
        return cycle;
    }

    private static String describe(List<StageId> cycle) {
        List<StageId> stages = Require.nonNullElements(cycle, "cycle");
        Require.that(!stages.isEmpty(), "cycle", "must hold at least one stage");
        return stages.stream().map(StageId::value).collect(Collectors.joining(" → "))
                + " → " + stages.get(0).value();
    }
}
