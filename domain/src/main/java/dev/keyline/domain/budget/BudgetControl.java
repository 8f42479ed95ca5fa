package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * A budget line's control per document stage: how a request, an order and an invoice that would
 * take the line over budget are treated.
 *
 * @param request the control of requests
 * @param order the control of orders
 * @param invoice the control of invoices (actuals)
 */
public record BudgetControl(ControlLevel request, ControlLevel order, ControlLevel invoice) {

    /**
     * Validates the levels.
     *
     * @param request the control of requests
     * @param order the control of orders
     * @param invoice the control of invoices (actuals)
     * @throws InvalidArgumentException naming the component when one is null
     */
    public BudgetControl {
        Require.nonNull(request, "request");
        Require.nonNull(order, "order");
        Require.nonNull(invoice, "invoice");
    }

    /**
     * The same level at every stage.
     *
     * @param level the level
     * @return the control
     */
    public static BudgetControl uniform(ControlLevel level) {
        Require.nonNull(level, "level");
        return new BudgetControl(level, level, level);
    }

    /**
     * The level at a stage.
     *
     * @param stage the document stage
     * @return its level
     */
    public ControlLevel levelAt(DocumentStage stage) {
        return switch (Require.nonNull(stage, "stage")) {
            case REQUEST -> request;
            case ORDER -> order;
            case INVOICE -> invoice;
        };
    }

    /**
     * Whether every stage stops over-budget documents, so that commitments and actuals can never
     * exceed the issued amount.
     *
     * @return true when all three levels are {@link ControlLevel#STOP}
     */
    public boolean stopsEverywhere() {
        return request == ControlLevel.STOP && order == ControlLevel.STOP && invoice == ControlLevel.STOP;
    }
}
