package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.spi.StorageException;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.workorder.FaultTickets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The step {@code demo --scale N} adds after the story: a larger population generated through the
 * same services the story uses, to show how Keyline behaves with a year's volume of a large
 * province. Scale N (2 to {@value #MAX_SCALE}) adds, on Suzhou and Kunming alternately:
 * <ul>
 *   <li>N × {@value #CUSTOMERS_PER_SCALE} billing customers, not registered as key accounts, with a
 *       spend fact for each of {@value #MONTHS} months: N × 10,000 spend facts, a million at scale 100,
 *       recorded by the network's department general manager through {@link KeyAccounts#recordSpend}
 *       in transactions of {@value #FACTS_PER_TRANSACTION} facts;</li>
 *   <li>N × {@value #TICKETS_PER_SCALE} fault tickets (work orders) reported by the network centre
 *       through {@link FaultTickets#report}, each with its clocks and timers, in transactions of
 *       {@value #TICKETS_PER_TRANSACTION}: a hundred thousand at scale 100.</li>
 * </ul>
 * The chapter then counts what the database holds and reports it with the time each part took.
 * Progress goes to the given consumer (the command shows it on stderr when that is a terminal).
 */
public final class ScaleChapter implements DemoChapter {

    /** The default scale: the story alone, without this chapter. */
    public static final int STORY_ONLY = 1;

    /** The largest scale: a million spend facts and a hundred thousand work orders. */
    public static final int MAX_SCALE = 100;

    /** Generated billing customers per unit of scale. */
    public static final int CUSTOMERS_PER_SCALE = 1_000;

    /** Months of spend per generated customer. */
    public static final int MONTHS = 10;

    /** Fault tickets per unit of scale. */
    public static final int TICKETS_PER_SCALE = 1_000;

    /** Spend facts recorded in one transaction. */
    public static final int FACTS_PER_TRANSACTION = 10_000;

    /** Fault tickets reported in one transaction. */
    public static final int TICKETS_PER_TRANSACTION = 500;

    /** The prefix of every generated customer's id, after the network's code. */
    public static final String CUSTOMER_PREFIX = "-SCALE-";

    /** The prefix of every generated fault ticket's id. */
    public static final String TICKET_PREFIX = "FT-SCALE-";

    private static final List<LocalNetworkId> NETWORKS = List.of(new LocalNetworkId("SZ"), new LocalNetworkId("KM"));
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("pan.jun"), Role.NETWORK_CENTRE_MANAGER);
    private static final ProductCode DDN = new ProductCode("DDN");
    private static final FaultPriority[] PRIORITIES = FaultPriority.values();

    private final int scale;
    private final Consumer<String> progress;

    /**
     * The step at a scale.
     *
     * @param scale from 2 to {@value #MAX_SCALE}
     * @param progress where progress lines go, for example stderr when it is a terminal
     * @throws InvalidArgumentException naming {@code --scale} when the scale is out of range
     */
    public ScaleChapter(int scale, Consumer<String> progress) {
        requireScale(scale);
        if (scale == STORY_ONLY) {
            throw new InvalidArgumentException("--scale", "1 is the story alone; the scale step starts at 2");
        }
        this.scale = scale;
        this.progress = Require.nonNull(progress, "progress");
    }

    /**
     * Checks a scale given on the command line.
     *
     * @param scale the scale
     * @return the scale
     * @throws InvalidArgumentException naming {@code --scale} unless it is 1 to {@value #MAX_SCALE}
     */
    public static int requireScale(int scale) {
        if (scale < STORY_ONLY || scale > MAX_SCALE) {
            throw new InvalidArgumentException("--scale", "must be a whole number from 1 (the story alone) to "
                    + MAX_SCALE + " (a million spend facts and a hundred thousand work orders), but was " + scale);
        }
        return scale;
    }

    /** How many spend facts the step records at this scale. */
    public int spendFacts() {
        return scale * CUSTOMERS_PER_SCALE * MONTHS;
    }

    /** How many fault tickets the step reports at this scale. */
    public int workOrders() {
        return scale * TICKETS_PER_SCALE;
    }

    /**
     * The id of a generated customer.
     *
     * @param index from 0 to N × {@value #CUSTOMERS_PER_SCALE} − 1
     * @return {@code SZ-SCALE-000000}, {@code KM-SCALE-000001}, …
     */
    public static AccountId customer(int index) {
        return new AccountId(network(index).value() + CUSTOMER_PREFIX + String.format("%06d", index));
    }

    /**
     * The network of a generated customer: Suzhou and Kunming alternately.
     *
     * @param index the customer's index
     * @return its network
     */
    public static LocalNetworkId network(int index) {
        return NETWORKS.get(index % NETWORKS.size());
    }

    /**
     * The id of a generated fault ticket.
     *
     * @param index from 0 to N × {@value #TICKETS_PER_SCALE} − 1
     * @return {@code FT-SCALE-000000}, …
     */
    public static FaultTicketId ticket(int index) {
        return new FaultTicketId(TICKET_PREFIX + String.format("%06d", index));
    }

    @Override
    public String title() {
        return "At scale";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        Random random = context.random("scale");
        YearMonth last = YearMonth.from(context.today()).minusMonths(1);
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }

        long spendStarted = System.nanoTime();
        recordSpend(context, months, random);
        Duration spendTook = Duration.ofNanos(System.nanoTime() - spendStarted);

        long ticketsStarted = System.nanoTime();
        reportTickets(context, random);
        Duration ticketsTook = Duration.ofNanos(System.nanoTime() - ticketsStarted);

        long facts = count(context, "SELECT COUNT(*) FROM keyline_spend_fact WHERE account_id LIKE ?", "%" + CUSTOMER_PREFIX + "%");
        long customers = count(context, "SELECT COUNT(DISTINCT account_id) FROM keyline_spend_fact WHERE account_id LIKE ?",
                "%" + CUSTOMER_PREFIX + "%");
        long tickets = count(context, "SELECT COUNT(*) FROM keyline_fault_ticket WHERE ticket_id LIKE ?", TICKET_PREFIX + "%");

        out.paragraph("Run with --scale " + scale + ", the demo adds a larger population after the story, through the "
                + "same services: billing's monthly spend of " + (scale * CUSTOMERS_PER_SCALE) + " more customers of "
                + "Suzhou and Kunming over " + MONTHS + " months (" + months.get(0) + " to " + last + "), recorded by "
                + "each network's department general manager in transactions of " + FACTS_PER_TRANSACTION
                + " facts, and " + workOrders() + " fault tickets reported by the network centre, each with its "
                + "clocks and their timers, in transactions of " + TICKETS_PER_TRANSACTION + ". The figures below "
                + "are counted from the database afterwards; the times are those of this run and vary between runs.");
        out.table("What the scale step stored", List.of("What", "Asked for", "Stored", "Time", "Per second"), List.of(
                List.of("Spend facts", String.valueOf(spendFacts()), String.valueOf(facts), seconds(spendTook),
                        perSecond(facts, spendTook)),
                List.of("Customers with spend", String.valueOf(scale * CUSTOMERS_PER_SCALE), String.valueOf(customers),
                        "", ""),
                List.of("Fault tickets (work orders)", String.valueOf(workOrders()), String.valueOf(tickets),
                        seconds(ticketsTook), perSecond(tickets, ticketsTook))));
        out.summary(facts + " spend facts of " + customers + " customers and " + tickets + " fault tickets at scale "
                + scale);
    }

    private void recordSpend(DemoContext context, List<YearMonth> months, Random random) {
        KeyAccounts accounts = KeyAccounts.on(context.keyline());
        int customers = scale * CUSTOMERS_PER_SCALE;
        int total = spendFacts();
        int recorded = 0;
        for (LocalNetworkId network : NETWORKS) {
            Actor general = DemoStaff.generalManagerOf(network);
            List<SpendFact> chunk = new ArrayList<>(FACTS_PER_TRANSACTION);
            for (int i = NETWORKS.indexOf(network); i < customers; i += NETWORKS.size()) {
                AccountId customer = customer(i);
                // log-normal around 3,000 CNY a month, as billing's revenue usually spreads
                double base = Math.min(250_000, Math.exp(Math.log(3_000) + 1.1 * random.nextGaussian()));
                for (YearMonth month : months) {
                    BigDecimal amount = BigDecimal.valueOf(base * (0.75 + 0.5 * random.nextDouble()))
                            .setScale(Money.SCALE, RoundingMode.HALF_EVEN);
                    chunk.add(SpendFact.original(new SpendFactId(customer.value() + "-" + month), customer, network, month,
                            Money.cny(amount), month.plusMonths(1).atDay(1).atTime(LocalTime.of(8, 0))
                                    .atZone(context.clock().getZone()).toInstant()));
                    if (chunk.size() == FACTS_PER_TRANSACTION) {
                        accounts.recordSpend(general, chunk);
                        recorded += chunk.size();
                        chunk = new ArrayList<>(FACTS_PER_TRANSACTION);
                        progress.accept("scale " + scale + ": " + recorded + " of " + total + " spend facts");
                    }
                }
            }
            if (!chunk.isEmpty()) {
                accounts.recordSpend(general, chunk);
                recorded += chunk.size();
                progress.accept("scale " + scale + ": " + recorded + " of " + total + " spend facts");
            }
        }
    }

    private void reportTickets(DemoContext context, Random random) {
        FaultTickets faults = WorkOrdersChapter.faults(context);
        int total = workOrders();
        int customers = scale * CUSTOMERS_PER_SCALE;
        for (int from = 0; from < total; from += TICKETS_PER_TRANSACTION) {
            int start = from;
            int end = Math.min(total, from + TICKETS_PER_TRANSACTION);
            context.keyline().transactions().execute(() -> {
                for (int i = start; i < end; i++) {
                    faults.report(NETWORK_CENTRE, ticket(i), customer(random.nextInt(customers)), DDN,
                            FaultSource.NETWORK_DETECTED, PRIORITIES[random.nextInt(PRIORITIES.length)],
                            Optional.empty(), "generated fault " + (i + 1) + " of " + total);
                }
                return null;
            });
            progress.accept("scale " + scale + ": " + end + " of " + total + " work orders");
        }
    }

    private static long count(DemoContext context, String sql, String pattern) {
        try (Connection connection = context.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, pattern);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("counting what the scale step stored", e.getSQLState(), e);
        }
    }

    private static String seconds(Duration took) {
        return BigDecimal.valueOf(took.toMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
    }

    private static String perSecond(long count, Duration took) {
        long millis = Math.max(1, took.toMillis());
        return String.valueOf(count * 1000 / millis);
    }
}
