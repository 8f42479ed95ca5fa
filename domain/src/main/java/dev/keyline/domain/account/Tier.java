package dev.keyline.domain.account;

import java.util.OptionalInt;

/**
 * The tier of a customer in key-account management (大客户分级).
 *
 * <p>The seed knows two levels of existing key accounts: level 2 (二级), the accounts on the
 * group's national key-account list, and level 1 (一级), every other key account of a local
 * network. Beside them a customer may be a potential key account (潜在大客户) or none at all.
 */
public enum Tier {
    /** Level 1 (一级): a local key account; the local network plans, sells, provisions and supports. */
    LOCAL(1),
    /** Level 2 (二级): on the group's national key-account list; the group sets the strategy. */
    NATIONAL(2),
    /** A potential key account (潜在大客户) that may be served as a key account. */
    POTENTIAL(0),
    /** Not a key account. */
    NONE(0);

    private final int level;

    Tier(int level) {
        this.level = level;
    }

    /**
     * {@return the seed's level number: 1 for {@link #LOCAL}, 2 for {@link #NATIONAL}, empty
     * otherwise}
     */
    public OptionalInt level() {
        return level == 0 ? OptionalInt.empty() : OptionalInt.of(level);
    }

    /**
     * {@return whether this tier is an existing key account ({@link #LOCAL} or {@link #NATIONAL})}
     */
    public boolean isKeyAccount() {
        return this == LOCAL || this == NATIONAL;
    }
}
