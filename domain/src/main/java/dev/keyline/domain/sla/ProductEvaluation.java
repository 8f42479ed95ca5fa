package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.util.List;

/**
 * One product in an SLA's annual evaluation: agreed and actual (ordered) volumes per month and the
 * forecast accuracy over them.
 *
 * @param product the product
 * @param agreed the agreed volume per month of the SLA period, after amendments
 * @param actual the orders accepted per month
 * @param accuracy {@link ForecastAccuracy#of(List, List)} of the two
 */
public record ProductEvaluation(ProductCode product, List<Integer> agreed, List<Integer> actual, BigDecimal accuracy) {

    /**
     * Validates the evaluation.
     *
     * @param product the product
     * @param agreed the agreed volume per month of the SLA period, after amendments
     * @param actual the orders accepted per month
     * @param accuracy {@link ForecastAccuracy#of(List, List)} of the two
     * @throws InvalidArgumentException naming the component when one is null
     */
    public ProductEvaluation {
        Require.nonNull(product, "product");
        agreed = Require.nonNullElements(agreed, "agreed");
        actual = Require.nonNullElements(actual, "actual");
        Require.nonNull(accuracy, "accuracy");
    }

    /**
     * How far the forecast missed: 1 − accuracy.
     *
     * @return the deviation, 0 to 1
     */
    public BigDecimal deviation() {
        return BigDecimal.ONE.subtract(accuracy);
    }

    /**
     * The agreed volume over the period.
     *
     * @return the sum
     */
    public int agreedTotal() {
        return agreed.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The actual volume over the period.
     *
     * @return the sum
     */
    public int actualTotal() {
        return actual.stream().mapToInt(Integer::intValue).sum();
    }
}
