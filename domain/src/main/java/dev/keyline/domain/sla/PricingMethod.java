package dev.keyline.domain.sla;

/** How the SLA's unit prices are set (governing terms, 定价方式). */
public enum PricingMethod {

    /** Prices follow the network centre's costs (价格法). */
    PRICE_BASED,

    /** Prices follow the market (市场法). */
    MARKET_BASED
}
