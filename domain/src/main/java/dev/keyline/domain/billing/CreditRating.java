package dev.keyline.domain.billing;

/** A customer's credit rating (信用等级), from best ({@link #AAA}) to worst ({@link #C}). */
public enum CreditRating {
    /** Highest creditworthiness. */
    AAA,
    /** Very high. */
    AA,
    /** High. */
    A,
    /** Adequate. */
    BBB,
    /** Speculative. */
    BB,
    /** Weak. */
    B,
    /** Very weak: in default or near it. */
    C;

    /**
     * Whether this rating is worse than another.
     *
     * @param other the other rating
     * @return true when this one is further down the scale
     */
    public boolean isWorseThan(CreditRating other) {
        return compareTo(dev.keyline.domain.common.Require.nonNull(other, "other")) > 0;
    }
}
