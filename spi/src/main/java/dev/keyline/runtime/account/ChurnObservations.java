package dev.keyline.runtime.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What billing (计费帐务) and customer support know about one key account for the churn warning
 * loop (客户预警) beside its spend, which the service reads from the stored spend facts: the amount
 * overdue (欠费), the due date of the oldest unpaid bill and the dates of complaints (投诉).
 *
 * @param arrears the amount overdue, not negative
 * @param oldestUnpaidDue the due date of the oldest unpaid bill; present exactly when there are arrears
 * @param complaints the dates of the account's complaints; copied and sorted
 */
public record ChurnObservations(Money arrears, Optional<LocalDate> oldestUnpaidDue, List<LocalDate> complaints) {

    /**
     * Validates and copies the observations.
     *
     * @param arrears the amount overdue, not negative
     * @param oldestUnpaidDue the due date of the oldest unpaid bill; present exactly when there are arrears
     * @param complaints the dates of the account's complaints; copied and sorted
     * @throws InvalidArgumentException naming the component that is null or inconsistent
     */
    public ChurnObservations {
        Require.nonNull(arrears, "arrears");
        Require.nonNegative(arrears.amount(), "arrears");
        Require.nonNull(oldestUnpaidDue, "oldestUnpaidDue");
        if (arrears.isPositive() != oldestUnpaidDue.isPresent()) {
            throw new InvalidArgumentException("oldestUnpaidDue", "must be present exactly when there are arrears");
        }
        List<LocalDate> dates = new ArrayList<>(Require.nonNullElements(complaints, "complaints"));
        Collections.sort(dates);
        complaints = List.copyOf(dates);
    }

    /**
     * Nothing overdue and no complaints: only the spend can raise a warning.
     *
     * @return the observations with nothing overdue and no complaints
     */
    public static ChurnObservations none() {
        return new ChurnObservations(Money.zero(), Optional.empty(), List.of());
    }
}
