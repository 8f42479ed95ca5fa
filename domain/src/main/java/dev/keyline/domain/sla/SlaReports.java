package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SLA's reports, pure functions over its records.
 *
 * <p>The <b>monthly execution report</b> (SLA执行月报) has one line per agreed product: the month's
 * agreed volume after amendments, the orders accepted in the month, the units of binding
 * reservations made in the month, and the orders completed in the month on time and late (against
 * their committed dates). The <b>annual evaluation</b> (年终评估) compares each product's orders per
 * month (the actual demand) with its agreed volumes through {@link ForecastAccuracy}, and the same
 * for all products summed per month. Months are reckoned in the SLA's zone.
 */
public final class SlaReports {

    private SlaReports() {
    }

    /**
     * The execution report of one month.
     *
     * @param sla the SLA
     * @param month a month of its period
     * @return the report
     * @throws InvalidArgumentException when an argument is null or the month lies outside the period
     */
    public static MonthlyExecutionReport monthly(ServiceLevelAgreement sla, YearMonth month) {
        Require.nonNull(sla, "sla");
        Require.nonNull(month, "month");
        int index = sla.term().indexOf(month);
        Map<String, SlaOrder> orders = new HashMap<>();
        sla.orders().forEach(o -> orders.put(o.reference(), o));
        List<MonthlyReportLine> lines = new ArrayList<>();
        for (ServiceAgreement agreement : sla.agreements()) {
            ProductCode product = agreement.product();
            int ordered = (int) sla.orders().stream()
                    .filter(o -> o.product().equals(product) && YearMonth.from(o.orderedOn()).equals(month)).count();
            int reserved = sla.reservations().stream()
                    .filter(r -> r.change() == ReservationChange.MADE && r.product().equals(product)
                            && YearMonth.from(sla.dateOf(r.at(), "at")).equals(month))
                    .mapToInt(ReservationEntry::units).sum();
            int onTime = 0;
            int late = 0;
            for (OrderCompletion completion : sla.completions()) {
                if (orders.get(completion.reference()).product().equals(product)
                        && YearMonth.from(completion.completedOn()).equals(month)) {
                    if (completion.onTime()) {
                        onTime++;
                    } else {
                        late++;
                    }
                }
            }
            lines.add(new MonthlyReportLine(product, sla.agreedVolumes(product).get(index), ordered, reserved, onTime, late));
        }
        return new MonthlyExecutionReport(sla.id(), month, lines);
    }

    /**
     * The evaluation over the whole period (it may be taken before the period ends, for a forecast
     * so far; months still to come then count with no orders).
     *
     * @param sla the SLA
     * @return the evaluation
     * @throws InvalidArgumentException when {@code sla} is null
     */
    public static AnnualEvaluation annual(ServiceLevelAgreement sla) {
        Require.nonNull(sla, "sla");
        SlaTerm term = sla.term();
        List<ProductEvaluation> products = new ArrayList<>();
        int[] agreedSum = new int[term.months()];
        int[] actualSum = new int[term.months()];
        for (ServiceAgreement agreement : sla.agreements()) {
            ProductCode product = agreement.product();
            List<Integer> agreed = sla.agreedVolumes(product);
            int[] actual = new int[term.months()];
            for (SlaOrder order : sla.orders()) {
                if (order.product().equals(product)) {
                    actual[term.indexOf(YearMonth.from(order.orderedOn()))]++;
                }
            }
            List<Integer> actualList = new ArrayList<>();
            for (int i = 0; i < term.months(); i++) {
                actualList.add(actual[i]);
                agreedSum[i] += agreed.get(i);
                actualSum[i] += actual[i];
            }
            products.add(new ProductEvaluation(product, agreed, actualList, ForecastAccuracy.of(actualList, agreed)));
        }
        List<Integer> allAgreed = new ArrayList<>();
        List<Integer> allActual = new ArrayList<>();
        for (int i = 0; i < term.months(); i++) {
            allAgreed.add(agreedSum[i]);
            allActual.add(actualSum[i]);
        }
        return new AnnualEvaluation(sla.id(), term, products, ForecastAccuracy.of(allActual, allAgreed));
    }
}
