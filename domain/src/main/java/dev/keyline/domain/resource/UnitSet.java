package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of unit numbers, kept as sorted, disjoint, non-adjacent ranges, so a pool of 10,000 Mbps
 * held in a few blocks stays a few values. Two sets with the same units are equal, however they
 * were built.
 *
 * @param ranges the ranges; normalised (sorted, overlapping and adjacent ranges merged)
 */
public record UnitSet(List<UnitRange> ranges) {

    /** The empty set. */
    public static final UnitSet EMPTY = new UnitSet(List.of());

    /**
     * Normalises the ranges.
     *
     * @param ranges the ranges; normalised (sorted, overlapping and adjacent ranges merged)
     * @throws InvalidArgumentException naming {@code ranges} when it is null or holds null
     */
    public UnitSet {
        List<UnitRange> sorted = new ArrayList<>(Require.nonNullElements(ranges, "ranges"));
        sorted.sort(Comparator.comparingLong(UnitRange::first));
        List<UnitRange> merged = new ArrayList<>(sorted.size());
        for (UnitRange r : sorted) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).last() >= r.first() - 1) {
                UnitRange last = merged.remove(merged.size() - 1);
                merged.add(new UnitRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        ranges = List.copyOf(merged);
    }

    /**
     * The units {@code first} to {@code last}.
     *
     * @param first the first unit, at least 1
     * @param last the last unit, at least {@code first}
     * @return the set
     * @throws InvalidArgumentException when the range is invalid
     */
    public static UnitSet of(long first, long last) {
        return new UnitSet(List.of(new UnitRange(first, last)));
    }

    /**
     * The units 1 to {@code count}; empty for 0.
     *
     * @param count how many units, not negative
     * @return the set
     * @throws InvalidArgumentException when {@code count} is negative
     */
    public static UnitSet firstUnits(long count) {
        Require.nonNegative(count, "count");
        return count == 0 ? EMPTY : of(1, count);
    }

    /**
     * How many units the set holds.
     *
     * @return the number of units
     */
    public long size() {
        long size = 0;
        for (UnitRange r : ranges) {
            size += r.size();
        }
        return size;
    }

    /**
     * Whether the set holds no unit.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The highest unit, or 0 when the set is empty.
     *
     * @return the highest unit number
     */
    public long highest() {
        return ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).last();
    }

    /**
     * Whether the set holds a unit.
     *
     * @param unit a unit number
     * @return true when held
     */
    public boolean contains(long unit) {
        for (UnitRange r : ranges) {
            if (unit >= r.first() && unit <= r.last()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The units of this set and of {@code other}.
     *
     * @param other another set
     * @return the union
     * @throws InvalidArgumentException when {@code other} is null
     */
    public UnitSet union(UnitSet other) {
        Require.nonNull(other, "other");
        List<UnitRange> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return new UnitSet(all);
    }

    /**
     * The units of this set that {@code other} does not hold.
     *
     * @param other another set
     * @return the difference
     * @throws InvalidArgumentException when {@code other} is null
     */
    public UnitSet minus(UnitSet other) {
        Require.nonNull(other, "other");
        List<UnitRange> result = new ArrayList<>();
        int j = 0;
        List<UnitRange> cut = other.ranges;
        for (UnitRange r : ranges) {
            long start = r.first();
            while (j < cut.size() && cut.get(j).last() < start) {
                j++;
            }
            int k = j;
            while (start <= r.last()) {
                if (k >= cut.size() || cut.get(k).first() > r.last()) {
                    result.add(new UnitRange(start, r.last()));
                    break;
                }
                UnitRange c = cut.get(k);
                if (c.first() > start) {
                    result.add(new UnitRange(start, c.first() - 1));
                }
                start = Math.max(start, c.last() + 1);
                k++;
            }
        }
        return new UnitSet(result);
    }

    /**
     * The units both sets hold.
     *
     * @param other another set
     * @return the intersection
     * @throws InvalidArgumentException when {@code other} is null
     */
    public UnitSet intersection(UnitSet other) {
        Require.nonNull(other, "other");
        return minus(minus(other));
    }

    /**
     * Whether the sets share a unit.
     *
     * @param other another set
     * @return true when a unit is in both
     * @throws InvalidArgumentException when {@code other} is null
     */
    public boolean overlaps(UnitSet other) {
        return !intersection(other).isEmpty();
    }

    /**
     * The {@code count} lowest units of this set.
     *
     * @param count how many, at most {@link #size()}
     * @return those units
     * @throws InvalidArgumentException when {@code count} is negative or more than the set holds
     */
    public UnitSet lowest(long count) {
        Require.nonNegative(count, "count");
        Require.that(count <= size(), "count", () -> "must be at most the " + size() + " units of the set, was " + count);
        List<UnitRange> taken = new ArrayList<>();
        long left = count;
        for (UnitRange r : ranges) {
            if (left == 0) {
                break;
            }
            long n = Math.min(left, r.size());
            taken.add(new UnitRange(r.first(), r.first() + n - 1));
            left -= n;
        }
        return new UnitSet(taken);
    }

    /**
     * The {@code count} highest units of this set.
     *
     * @param count how many, at most {@link #size()}
     * @return those units
     * @throws InvalidArgumentException when {@code count} is negative or more than the set holds
     */
    public UnitSet highest(long count) {
        Require.nonNegative(count, "count");
        Require.that(count <= size(), "count", () -> "must be at most the " + size() + " units of the set, was " + count);
        List<UnitRange> taken = new ArrayList<>();
        long left = count;
        for (int i = ranges.size() - 1; i >= 0 && left > 0; i--) {
            UnitRange r = ranges.get(i);
            long n = Math.min(left, r.size());
            taken.add(new UnitRange(r.last() - n + 1, r.last()));
            left -= n;
        }
        return new UnitSet(taken);
    }

    /** The ranges as text, for example {@code [1-4, 7, 9-12]}. */
    @Override
    public String toString() {
        // a loop, not a stream: every event of a reservation names its units in its subject
        StringBuilder text = new StringBuilder(2 + 24 * ranges.size()).append('[');
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(ranges.get(i)); // the range's own text: "7" or "9-12"
        }
        return text.append(']').toString();
    }
}
