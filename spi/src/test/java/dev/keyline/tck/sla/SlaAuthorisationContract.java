package dev.keyline.tck.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaDocumentKind;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import dev.keyline.tck.AuthorisationCases;
import dev.keyline.tck.AuthorisationCases.Command;
import dev.keyline.tck.AuthorisationCases.Counts;
import dev.keyline.tck.AuthorisationCases.State;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the SLA area on a storage provider: every command of
 * {@code ServiceLevelAgreements} that a person makes is run by one actor of every {@link Role} and
 * by the people the SLA's rules single out, and the outcome is compared with the rules of
 * docs/sla.md ("Lifecycle and who acts"), restated here as data and never read from the code under
 * test.
 *
 * <p>The statement: the SLA is between the marketing service centre and the network centre, not a
 * key account, so roles decide. The marketing manager drafts; each party signs by its own manager
 * ({@code MARKETING_MANAGER}, {@code NETWORK_CENTRE_MANAGER}), two different people; the general
 * manager ({@code GENERAL_MANAGER}, not the department general manager) approves, evaluates and
 * terminates; an amendment is asked for by the marketing or the network centre manager and approved
 * by the general manager, who may not be the one asking; orders are placed by the marketing manager
 * or an account manager; completions and the monthly report come from the network centre manager;
 * each document of the information flow is sent by its party's manager.
 *
 * <p>Every refused case must throw {@code NotAuthorisedException} and leave every SLA and the whole
 * outbox as they were; a permitted one must change exactly the SLA named and write exactly the
 * events named (see {@link AuthorisationCases}).
 */
public abstract class SlaAuthorisationContract {

    /** The marketing manager who drafted the SLAs and signed them for marketing. */
    static final Actor MARKETING = SlaSamples.MARKETING;
    /** The general manager who approves the amendments asked for in the suite. */
    static final Actor GENERAL = SlaSamples.GENERAL_MANAGER;
    /** The marketing manager's own user given the network centre's role: may not sign for both parties. */
    static final Actor MARKETING_AS_NETWORK_CENTRE = Actor.withRoles(MARKETING.user(), Role.NETWORK_CENTRE_MANAGER);
    /** The approving general manager's own user, also a marketing manager: may not approve what they ask for. */
    static final Actor GENERAL_AS_MARKETING = Actor.withRoles(GENERAL.user(), Role.GENERAL_MANAGER, Role.MARKETING_MANAGER);

    /** One actor of each role, and the two scope variants above. */
    static final List<Actor> ACTORS = actors();

    private static final SlaId UNSIGNED = new SlaId("SLA-UNSIGNED");
    private static final SlaId HALF_SIGNED = new SlaId("SLA-HALF-SIGNED");
    private static final SlaId SIGNED = new SlaId("SLA-SIGNED");
    private static final SlaId IN_FORCE = new SlaId("SLA-2026");
    private static final SlaId PAST = new SlaId("SLA-2025");
    private static final SlaId NEW = new SlaId("SLA-NEW");
    private static final String ORDER = "ORD-1";
    /** DDN's volumes after an amendment on 2 March: the months begun stay, six a month from April. */
    private static final List<Integer> MORE_VOLUMES = List.of(3, 4, 3, 6, 6, 6, 6, 6, 6, 6, 6, 6);

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * Whether every permitted actor runs, each on a fresh world; see {@link AuthorisationCases#run}.
     *
     * @return true unless overridden
     */
    protected boolean everyPermittedActor() {
        return true;
    }

    /**
     * The world of the suite on 2 March 2026: an unsigned draft, a draft signed for marketing, a
     * signed SLA, the SLA of 2026 in force with one order, and the SLA of 2025, in force and over.
     */
    static final class SlaWorld implements AuthorisationCases.World {

        final StorageProvider storage;
        final TestClock clock = TestClock.at(SlaSamples.at(2024, 12, 1));
        final ServiceLevelAgreements slas;

        SlaWorld(StorageProvider storage) {
            this.storage = storage;
            Keyline keyline = Keyline.builder().storage(storage).clock(clock).zone(SlaSamples.ZONE).build();
            slas = ServiceLevelAgreements.on(keyline);
            draft(PAST, 2025);
            signBoth(PAST);
            slas.approve(GENERAL, PAST);
            clock.set(SlaSamples.at(2025, 12, 1));
            for (SlaId id : List.of(UNSIGNED, HALF_SIGNED, SIGNED, IN_FORCE)) {
                draft(id, 2026);
            }
            slas.sign(MARKETING, HALF_SIGNED, SlaParty.MARKETING);
            signBoth(SIGNED);
            signBoth(IN_FORCE);
            slas.approve(GENERAL, IN_FORCE);
            clock.set(SlaSamples.at(2026, 3, 1));
            slas.acceptOrder(MARKETING, IN_FORCE, ORDER, SlaSamples.DDN, ServiceClass.D);
            clock.set(SlaSamples.at(2026, 3, 2));
        }

        void draft(SlaId id, int year) {
            slas.draft(MARKETING, id, MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(year), 2,
                    SlaSamples.terms(), SlaSamples.agreements(12));
        }

        private void signBoth(SlaId id) {
            slas.sign(MARKETING, id, SlaParty.MARKETING);
            slas.sign(SlaSamples.NETWORK_CENTRE, id, SlaParty.NETWORK_CENTRE);
        }

        @Override
        public State state() {
            ServiceLevelAgreementRepository repository = storage.port(ServiceLevelAgreementRepository.class);
            Map<String, Supplier<?>> parts = new LinkedHashMap<>();
            for (SlaId id : List.of(UNSIGNED, HALF_SIGNED, SIGNED, IN_FORCE, PAST, NEW)) {
                parts.put(part(id), () -> repository.find(id).map(ServiceLevelAgreement::snapshot));
            }
            return State.read(storage, parts);
        }
    }

    private static String part(SlaId id) {
        return "sla:" + id.value();
    }

    private static Predicate<Actor> holds(Role... roles) {
        return actor -> List.of(roles).stream().anyMatch(actor::hasRole);
    }

    /**
     * Every command, with its rule, the SLA it changes and the events it writes.
     *
     * @return the commands
     */
    static List<Command<SlaWorld>> commands() {
        List<Command<SlaWorld>> c = new ArrayList<>();
        add(c, "draft", "draft an SLA", holds(Role.MARKETING_MANAGER), NEW, List.of("sla.drafted"),
                (w, a) -> w.slas.draft(a, NEW, MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(2026), 2,
                        SlaSamples.terms(), SlaSamples.agreements(12)));
        add(c, "sign", "sign an unsigned draft for marketing", holds(Role.MARKETING_MANAGER), UNSIGNED, List.of("sla.signed"),
                (w, a) -> w.slas.sign(a, UNSIGNED, SlaParty.MARKETING));
        add(c, "sign", "sign a draft for the network centre, marketing having signed",
                holds(Role.NETWORK_CENTRE_MANAGER).and(a -> !a.is(MARKETING.user())), HALF_SIGNED, List.of("sla.signed"),
                (w, a) -> w.slas.sign(a, HALF_SIGNED, SlaParty.NETWORK_CENTRE));
        add(c, "approve", "approve a signed SLA", holds(Role.GENERAL_MANAGER), SIGNED, List.of("sla.approved"),
                (w, a) -> w.slas.approve(a, SIGNED));
        add(c, "amend", "ask for an amendment the general manager approves",
                holds(Role.MARKETING_MANAGER, Role.NETWORK_CENTRE_MANAGER).and(a -> !a.is(GENERAL.user())), IN_FORCE,
                List.of("sla.amended"), (w, a) -> w.slas.amend(a, GENERAL, IN_FORCE, SlaSamples.DDN,
                        MORE_VOLUMES, "second site"));
        add(c, "amend", "approve the marketing manager's amendment",
                holds(Role.GENERAL_MANAGER).and(a -> !a.is(MARKETING.user())), IN_FORCE, List.of("sla.amended"),
                (w, a) -> w.slas.amend(MARKETING, a, IN_FORCE, SlaSamples.DDN, MORE_VOLUMES, "second site"));
        add(c, "acceptOrder", "place an order", holds(Role.MARKETING_MANAGER, Role.ACCOUNT_MANAGER), IN_FORCE,
                List.of("sla.order-accepted"), (w, a) -> w.slas.acceptOrder(a, IN_FORCE, "ORD-2", SlaSamples.DDN, ServiceClass.D));
        add(c, "recordCompletion", "report an order's completion", holds(Role.NETWORK_CENTRE_MANAGER), IN_FORCE,
                List.of("sla.order-completed"), (w, a) -> w.slas.recordCompletion(a, IN_FORCE, ORDER));
        add(c, "recordDocument", "send marketing's resource requirement", holds(Role.MARKETING_MANAGER), IN_FORCE,
                List.of("sla.document-recorded"), (w, a) -> w.slas.recordDocument(a, IN_FORCE,
                        SlaDocumentKind.RESOURCE_REQUIREMENT, "REQ-1", SlaSamples.DDN, "two ports at the branch"));
        add(c, "recordDocument", "send the network centre's fault result", holds(Role.NETWORK_CENTRE_MANAGER), IN_FORCE,
                List.of("sla.document-recorded"), (w, a) -> w.slas.recordDocument(a, IN_FORCE, SlaDocumentKind.FAULT_RESULT,
                        "FT-1", SlaSamples.DDN, "fibre cut repaired"));
        add(c, "issueMonthlyReport", "issue February's report", holds(Role.NETWORK_CENTRE_MANAGER), IN_FORCE,
                List.of("sla.monthly-report-issued"), (w, a) -> w.slas.issueMonthlyReport(a, IN_FORCE, YearMonth.of(2026, 2)));
        // no order was placed under the SLA of 2025: both products miss their forecast by 100 %
        add(c, "evaluate", "evaluate the SLA of 2025", holds(Role.GENERAL_MANAGER), PAST,
                List.of("sla.forecast-deviation-exceeded", "sla.forecast-deviation-exceeded"),
                (w, a) -> w.slas.evaluate(a, PAST, new BigDecimal("0.10")));
        add(c, "terminate", "terminate the SLA in force", holds(Role.GENERAL_MANAGER), IN_FORCE, List.of("sla.terminated"),
                (w, a) -> w.slas.terminate(a, IN_FORCE, "merged into the group SLA"));
        return List.copyOf(c);
    }

    private static void add(List<Command<SlaWorld>> commands, String method, String label, Predicate<Actor> rule,
            SlaId changed, List<String> events, BiConsumer<SlaWorld, Actor> call) {
        commands.add(new Command<>("ServiceLevelAgreements." + method, label, call, rule, Set.of(part(changed)), events));
    }

    /**
     * The service methods this suite covers, as {@code SimpleClassName.method}.
     *
     * @return the methods
     */
    public static Set<String> coveredMethods() {
        return AuthorisationCases.methods(commands());
    }

    /**
     * The refused cases the statement gives over {@link #commands()} and the 15 {@link #ACTORS},
     * pinned so that a change is noticed and docs/reliability.md updated. Ten commands allow two
     * actors (13 refusals each): drafting, signing for marketing and marketing's document (the
     * marketing manager and the general manager's marketing user); completions, the report and the
     * network centre's document (the network centre's manager and the marketing manager's network
     * user); approving, evaluating, terminating and approving an amendment (the two general
     * managers). Signing for the network centre allows its manager only (14: the marketing manager's
     * user has signed for marketing); asking for an amendment allows the marketing, network centre
     * and marketing-as-network users, not the approver himself (12); placing an order the two
     * marketing users and the account manager (12).
     */
    private static final int REFUSED_CASES = 10 * 13 + 14 + 12 + 12;

    @Test
    void everySlaCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = AuthorisationCases.run(ACTORS, commands(), () -> new SlaWorld(newStorage()), everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (sla): %d commands x %d actors, %d refused and %d permitted cases run%n",
                commands().size(), ACTORS.size(), counts.refused(), counts.permitted());
    }

    private static List<Actor> actors() {
        List<Actor> actors = new ArrayList<>();
        for (Role role : Role.values()) {
            actors.add(Actor.withRoles(new UserId("r-" + role.name().toLowerCase(Locale.ROOT)), role));
        }
        actors.add(MARKETING_AS_NETWORK_CENTRE);
        actors.add(GENERAL_AS_MARKETING);
        return List.copyOf(actors);
    }
}
