package dev.keyline.domain.billing;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * The age bands (账龄段) arrears are reported in, by days overdue: each bound closes a band, and a
 * last open band takes everything older. The standard bands {@code [30, 60, 90]} are 1–30, 31–60,
 * 61–90 and more than 90 days overdue (a bill is overdue from the day after its due date, so the
 * first band is the seed's 0–30).
 *
 * @param upperBounds the last day of each closed band, strictly increasing, positive; 1 to 12 bounds
 */
public record AgeBands(List<Integer> upperBounds) {

    /** The most closed bands. */
    public static final int MAX_BOUNDS = 12;

    /**
     * Validates the bounds.
     *
     * @param upperBounds the last day of each closed band, strictly increasing, positive; 1 to 12 bounds
     */
    public AgeBands {
        upperBounds = Require.nonNullElements(upperBounds, "upperBounds");
        if (upperBounds.isEmpty() || upperBounds.size() > MAX_BOUNDS) {
            throw new InvalidArgumentException("upperBounds", "must hold 1 to " + MAX_BOUNDS + " bounds, held "
                    + upperBounds.size());
        }
        int previous = 0;
        for (int bound : upperBounds) {
            if (bound <= previous) {
                throw new InvalidArgumentException("upperBounds", "must be positive and strictly increasing, was " + upperBounds);
            }
            previous = bound;
        }
    }

    /** {@return the standard bands: 0–30, 31–60, 61–90 and more than 90 days} */
    public static AgeBands standard() {
        return new AgeBands(List.of(30, 60, 90));
    }

    /**
     * Bands from their bounds.
     *
     * @param upperBounds the bounds
     * @return the bands
     */
    public static AgeBands of(Integer... upperBounds) {
        return new AgeBands(List.of(Require.nonNull(upperBounds, "upperBounds")));
    }

    /** {@return how many bands there are: one per bound and the open last band} */
    public int count() {
        return upperBounds.size() + 1;
    }

    /**
     * The band of an age.
     *
     * @param daysOverdue days since the due date, at least 1
     * @return the band's index, 0 for the youngest
     */
    public int bandOf(long daysOverdue) {
        Require.positive(daysOverdue, "daysOverdue");
        for (int i = 0; i < upperBounds.size(); i++) {
            if (daysOverdue <= upperBounds.get(i)) {
                return i;
            }
        }
        return upperBounds.size();
    }

    /** {@return the bands' labels, for example {@code 0-30, 31-60, 61-90, >90}} */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        int from = 0;
        for (int bound : upperBounds) {
            labels.add(from + "-" + bound);
            from = bound + 1;
        }
        labels.add(">" + upperBounds.get(upperBounds.size() - 1));
        return List.copyOf(labels);
    }

    /**
     * {@return the bounds as stored text, for example {@code 30,60,90}; read back by {@link
     * #parse(String)}}
     */
    public String text() {
        return String.join(",", upperBounds.stream().map(String::valueOf).toList());
    }

    /**
     * Bands from their stored text.
     *
     * @param text bounds separated by commas
     * @return the bands
     */
    public static AgeBands parse(String text) {
        Require.nonBlank(text, "text");
        List<Integer> bounds = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                bounds.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("text", "age bands must be whole numbers separated by commas, was '" + text + "'");
            }
        }
        return new AgeBands(bounds);
    }
}
