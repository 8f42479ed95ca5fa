package dev.keyline.domain.account;

import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Churn warning rule (客户预警): the account complained (投诉) at least {@code minimumComplaints}
 * times within the last {@code windowDays} days.
 *
 * <p><b>Precise rule.</b> Count the complaints dated after (assessment date − {@code windowDays})
 * and on or before the assessment date; the rule fires when the count ≥ {@code minimumComplaints}.
 *
 * @param minimumComplaints how many complaints warn, at least 1
 * @param windowDays the length of the window in days, at least 1
 */
public record ComplaintsRule(int minimumComplaints, int windowDays) implements ChurnRule {

    /** The rule's name. */
    public static final String NAME = "complaints";

    /**
     * Validates the rule.
     *
     * @param minimumComplaints how many complaints warn, at least 1
     * @param windowDays the length of the window in days, at least 1
     */
    public ComplaintsRule {
        Require.positive(minimumComplaints, "minimumComplaints");
        Require.positive(windowDays, "windowDays");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ChurnSignal> evaluate(ChurnInputs inputs) {
        Require.nonNull(inputs, "inputs");
        LocalDate from = inputs.asOf().minusDays(windowDays);
        long count = inputs.complaints().stream().filter(d -> d.isAfter(from)).count();
        if (count < minimumComplaints) {
            return Optional.empty();
        }
        return Optional.of(new ChurnSignal(NAME, ChurnSignalKind.COMPLAINTS, inputs.asOf(),
                count + " complaints in the " + windowDays + " days to " + inputs.asOf() + " (warning at " + minimumComplaints + ")"));
    }
}
