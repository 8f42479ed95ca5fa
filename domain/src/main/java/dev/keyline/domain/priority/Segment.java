package dev.keyline.domain.priority;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;

import java.util.Optional;

/**
 * The population a ranking ranks: every key account ({@link #all()}), the accounts of one industry
 * ({@link #industry(Industry)}), or the accounts with results in one product ({@link #product(ProductCode)}),
 * ranked on that product's revenue and profit alone.
 *
 * <p>The text form ({@link #key()}) is {@code all}, {@code industry:FINANCE} or {@code product:DDN};
 * {@link #parse(String)} reads it back.
 *
 * @param kind which population
 * @param industry the industry, present exactly for {@link Kind#INDUSTRY}
 * @param product the product, present exactly for {@link Kind#PRODUCT}
 */
public record Segment(Kind kind, Optional<Industry> industry, Optional<ProductCode> product) {

    /** Which population a segment is. */
    public enum Kind {
        /** Every key account. */
        ALL,
        /** The accounts of one industry. */
        INDUSTRY,
        /** The accounts with results in one product. */
        PRODUCT
    }

    /**
     * Validates that exactly the kind's value is present.
     *
     * @param kind which population
     * @param industry the industry, present exactly for {@link Kind#INDUSTRY}
     * @param product the product, present exactly for {@link Kind#PRODUCT}
     * @throws InvalidArgumentException naming the component when one is null, or the industry or
     *     product is present or absent against the kind
     */
    public Segment {
        Require.nonNull(kind, "kind");
        Require.nonNull(industry, "industry");
        Require.nonNull(product, "product");
        Require.that(industry.isPresent() == (kind == Kind.INDUSTRY), "industry",
                () -> kind == Kind.INDUSTRY ? "must be given for an industry segment" : "must be empty for a " + kind + " segment");
        Require.that(product.isPresent() == (kind == Kind.PRODUCT), "product",
                () -> kind == Kind.PRODUCT ? "must be given for a product segment" : "must be empty for a " + kind + " segment");
    }

    /**
     * Every key account.
     *
     * @return the segment
     */
    public static Segment all() {
        return new Segment(Kind.ALL, Optional.empty(), Optional.empty());
    }

    /**
     * The accounts of one industry.
     *
     * @param industry the industry
     * @return the segment
     * @throws InvalidArgumentException when {@code industry} is null
     */
    public static Segment industry(Industry industry) {
        return new Segment(Kind.INDUSTRY, Optional.of(Require.nonNull(industry, "industry")), Optional.empty());
    }

    /**
     * The accounts with results in one product, on that product's figures.
     *
     * @param product the product
     * @return the segment
     * @throws InvalidArgumentException when {@code product} is null
     */
    public static Segment product(ProductCode product) {
        return new Segment(Kind.PRODUCT, Optional.empty(), Optional.of(Require.nonNull(product, "product")));
    }

    /**
     * Reads the text form.
     *
     * @param key {@code all}, {@code industry:<INDUSTRY>} or {@code product:<code>}
     * @return the segment
     * @throws InvalidArgumentException naming {@code segment} when the text is null or malformed
     */
    public static Segment parse(String key) {
        Require.nonBlank(key, "segment");
        if (key.equals("all")) {
            return all();
        }
        try {
            if (key.startsWith("industry:")) {
                return industry(Industry.valueOf(key.substring("industry:".length())));
            }
            if (key.startsWith("product:")) {
                return product(new ProductCode(key.substring("product:".length())));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("segment", "names no industry or product in '" + key + "'");
        }
        throw new InvalidArgumentException("segment",
                "expected all, industry:<INDUSTRY> or product:<code> but was '" + key + "'");
    }

    /**
     * Whether a fact counts in this segment.
     *
     * @param fact the fact
     * @return true for every fact in {@link Kind#ALL}, facts of the industry or of the product otherwise
     * @throws InvalidArgumentException when {@code fact} is null
     */
    public boolean includes(AccountResultFact fact) {
        Require.nonNull(fact, "fact");
        return switch (kind) {
            case ALL -> true;
            case INDUSTRY -> industry.get() == fact.industry();
            case PRODUCT -> product.get().equals(fact.product());
        };
    }

    /**
     * The text form: {@code all}, {@code industry:FINANCE} or {@code product:DDN}.
     *
     * @return the key
     */
    public String key() {
        return switch (kind) {
            case ALL -> "all";
            case INDUSTRY -> "industry:" + industry.get().name();
            case PRODUCT -> "product:" + product.get().value();
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
