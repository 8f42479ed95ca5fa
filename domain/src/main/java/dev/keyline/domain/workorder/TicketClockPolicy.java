package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host's table of fault-ticket clock targets: one pair of targets per {@link FaultPriority}
 * (every priority must have one), optionally one per {@link FaultServiceClass}, and the share of a
 * target at which the clock warns. A ticket with a service class takes the class's targets when
 * the table has them, otherwise its priority's. The ticket keeps the targets and the share it was
 * reported with, so a later change of the table does not move an open ticket's deadlines.
 *
 * @param byPriority the targets of each priority; every priority present
 * @param byServiceClass the targets of those service classes that have their own
 * @param warningShare the share of a target at which the clock warns, in (0, 1] with at most six
 *     decimals; {@link #DEFAULT_WARNING_SHARE} unless the host says otherwise
 */
public record TicketClockPolicy(Map<FaultPriority, TicketClockTargets> byPriority,
        Map<FaultServiceClass, TicketClockTargets> byServiceClass, BigDecimal warningShare) {

    /** The most digits a warning share has, as stored: {@code 1.000000}. */
    public static final int WARNING_SHARE_PRECISION = 7;

    /** The most decimals a warning share has. */
    public static final int WARNING_SHARE_SCALE = 6;

    /** The seed's warning share: 80 % of the target. */
    public static final BigDecimal DEFAULT_WARNING_SHARE = new BigDecimal("0.8");

    /**
     * Validates and copies the tables.
     *
     * @param byPriority the targets of each priority; every priority present
     * @param byServiceClass the targets of those service classes that have their own
     * @param warningShare the share of a target at which the clock warns, in (0, 1] with at most six decimals; {@link #DEFAULT_WARNING_SHARE} unless the host says otherwise
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or holds null, when a priority has no targets, or when the share is outside (0, 1]
     *     or has more than six decimals
     */
    public TicketClockPolicy {
        Require.nonNull(byPriority, "byPriority");
        Require.nonNull(byServiceClass, "byServiceClass");
        Require.nonNullElements(byPriority.keySet(), "byPriority");
        Require.nonNullElements(byPriority.values(), "byPriority");
        Require.nonNullElements(byServiceClass.keySet(), "byServiceClass");
        Require.nonNullElements(byServiceClass.values(), "byServiceClass");
        for (FaultPriority p : FaultPriority.values()) {
            Require.that(byPriority.containsKey(p), "byPriority", () -> "has no targets for priority " + p);
        }
        checkWarningShare(warningShare, "warningShare");
        byPriority = Collections.unmodifiableMap(new EnumMap<>(byPriority));
        byServiceClass = byServiceClass.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byServiceClass));
        warningShare = warningShare.stripTrailingZeros();
    }

    /**
     * A table by priority only, warning at {@link #DEFAULT_WARNING_SHARE}.
     *
     * @param byPriority the targets of each priority
     * @return the policy
     * @throws dev.keyline.domain.common.InvalidArgumentException as the constructor
     */
    public static TicketClockPolicy byPriority(Map<FaultPriority, TicketClockTargets> byPriority) {
        return new TicketClockPolicy(byPriority, Map.of(), DEFAULT_WARNING_SHARE);
    }

    /**
     * The same table with targets for a service class added or replaced.
     *
     * @param serviceClass the class
     * @param targets its targets
     * @return the changed policy
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null
     */
    public TicketClockPolicy withServiceClass(FaultServiceClass serviceClass, TicketClockTargets targets) {
        Require.nonNull(serviceClass, "serviceClass");
        Require.nonNull(targets, "targets");
        EnumMap<FaultServiceClass, TicketClockTargets> classes = new EnumMap<>(FaultServiceClass.class);
        classes.putAll(byServiceClass);
        classes.put(serviceClass, targets);
        return new TicketClockPolicy(byPriority, classes, warningShare);
    }

    /**
     * The same table warning at another share of the target.
     *
     * @param warningShare the share, in (0, 1]
     * @return the changed policy
     * @throws dev.keyline.domain.common.InvalidArgumentException when the share is null or invalid
     */
    public TicketClockPolicy withWarningShare(BigDecimal warningShare) {
        return new TicketClockPolicy(byPriority, byServiceClass, warningShare);
    }

    /**
     * The targets a ticket takes: its service class's when it has one and the table lists it,
     * otherwise its priority's.
     *
     * @param priority the ticket's priority
     * @param serviceClass the ticket's service class, if any
     * @return the targets
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null
     */
    public TicketClockTargets targetsFor(FaultPriority priority, Optional<FaultServiceClass> serviceClass) {
        Require.nonNull(priority, "priority");
        Require.nonNull(serviceClass, "serviceClass");
        return serviceClass.map(byServiceClass::get).orElseGet(() -> byPriority.get(priority));
    }

    /**
     * Checks a warning share.
     *
     * @param share the share
     * @param name the name to report it under
     * @return the share
     */
    static BigDecimal checkWarningShare(BigDecimal share, String name) {
        Require.nonNull(share, name);
        Require.that(share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0, name,
                () -> "must lie in (0, 1] but was " + share.toPlainString());
        Require.that(share.stripTrailingZeros().scale() <= WARNING_SHARE_SCALE, name,
                () -> "must have at most " + WARNING_SHARE_SCALE + " decimals but was " + share.toPlainString());
        return share;
    }
}
