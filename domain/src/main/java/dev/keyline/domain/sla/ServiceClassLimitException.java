package dev.keyline.domain.sla;

import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;

/**
 * An order under an SLA would exceed its service class's limit for the product in the window; it is
 * refused, never moved to another class. Reason code {@code LIMIT_EXCEEDED}.
 */
public final class ServiceClassLimitException extends LimitExceededException {

    private static final long serialVersionUID = 1L;

    /** The class whose limit is reached. */
    private final ServiceClass serviceClass;
    /** The product ordered. */
    private final String product;
    /** The first month of the window. */
    private final YearMonth windowStart;
    /** The last month of the window. */
    private final YearMonth windowEnd;
    /** The most orders per window. */
    private final int limit;

    /**
     * The refusal.
     *
     * @param sla the SLA
     * @param serviceClass the class
     * @param product the product
     * @param windowStart the first month of the window the limit counts over
     * @param windowEnd its last month
     * @param limit the class's limit
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the argument when one is null
     */
    public ServiceClassLimitException(SlaId sla, ServiceClass serviceClass, ProductCode product, YearMonth windowStart,
            YearMonth windowEnd, int limit) {
        super(message(sla, serviceClass, product, windowStart, windowEnd, limit));
        this.serviceClass = serviceClass;
        this.product = product.value();
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.limit = limit;
    }

    private static String message(SlaId sla, ServiceClass serviceClass, ProductCode product, YearMonth windowStart,
            YearMonth windowEnd, int limit) {
        Require.nonNull(sla, "sla");
        Require.nonNull(serviceClass, "serviceClass");
        Require.nonNull(product, "product");
        Require.nonNull(windowStart, "windowStart");
        Require.nonNull(windowEnd, "windowEnd");
        return "SLA " + sla + " refuses another class " + serviceClass + " order of " + product + ": the limit of "
                + limit + " per " + (windowStart.equals(windowEnd) ? "month " + windowStart : "SLA period " + windowStart
                + ".." + windowEnd) + " is reached; it is not moved to another class";
    }

    /**
     * The class whose limit is reached.
     *
     * @return the class
     */
    public ServiceClass serviceClass() {
        return serviceClass;
    }

    /**
     * The product ordered.
     *
     * @return the product
     */
    public ProductCode product() {
        return new ProductCode(product);
    }

    /**
     * The first month of the window.
     *
     * @return the month
     */
    public YearMonth windowStart() {
        return windowStart;
    }

    /**
     * The last month of the window.
     *
     * @return the month
     */
    public YearMonth windowEnd() {
        return windowEnd;
    }

    /**
     * The limit.
     *
     * @return the most orders per window
     */
    public int limit() {
        return limit;
    }
}
