package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluation of an SLA over its period (年终评估): forecast accuracy per product and over all
 * products together (their monthly volumes summed).
 *
 * @param sla the SLA
 * @param term its period
 * @param products one evaluation per product, in the order of the agreements
 * @param accuracy the forecast accuracy of all products' volumes summed per month
 */
public record AnnualEvaluation(SlaId sla, SlaTerm term, List<ProductEvaluation> products, BigDecimal accuracy) {

    /**
     * Validates the evaluation.
     *
     * @param sla the SLA
     * @param term its period
     * @param products one evaluation per product, in the order of the agreements
     * @param accuracy the forecast accuracy of all products' volumes summed per month
     * @throws InvalidArgumentException naming the component when one is null
     */
    public AnnualEvaluation {
        Require.nonNull(sla, "sla");
        Require.nonNull(term, "term");
        products = Require.nonNullElements(products, "products");
        Require.nonNull(accuracy, "accuracy");
    }
}
