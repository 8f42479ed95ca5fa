package dev.keyline.examples.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrderAccepted;
import dev.keyline.domain.workorder.archfixture.PlantedWorkOrderReachingIntoSla;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.keyline.domain.account.AccountAccess;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountManagerAssigned;
import dev.keyline.domain.account.AccountRegistered;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.archfixture.PlantedLayerViolation;
import dev.keyline.domain.authority.archfixture.PlantedAreaReachingIntoAnother;
import dev.keyline.domain.budget.archfixture.PlantedBudgetReachingIntoResource;
import dev.keyline.domain.priority.archfixture.PlantedPriorityReachingIntoWorkOrder;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.ServicePriorityLookup;
import dev.keyline.domain.resource.InvestmentKind;
import dev.keyline.domain.resource.InvestmentRequested;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationCancelled;
import dev.keyline.domain.resource.ReservationCompleted;
import dev.keyline.domain.resource.ReservationExpired;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationMade;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationReleased;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.domain.resource.archfixture.PlantedResourceReachingIntoAccount;
import dev.keyline.domain.sla.archfixture.PlantedSlaReachingIntoResource;
import dev.keyline.jdbc.archfixture.PlantedAdapterUsingRuntime;
import dev.keyline.spi.PlantedCoreNamingAnArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module dependency rules, checked over the main classes of every Keyline module on this
 * module's test classpath: {@code examples → adapters-jdbc / adapters-webhook / adapters-kafka → spi → domain}.
 *
 * <p>Modules are told apart by package: {@code dev.keyline.domain..} is the domain,
 * {@code dev.keyline.jdbc..}, {@code dev.keyline.webhook..} and {@code dev.keyline.kafka..} the adapters,
 * {@code dev.keyline.examples..} the examples, and every other {@code dev.keyline} package (the
 * ports, the runtime, the in-memory provider, the Jackson module, notification routing) the spi
 * module.
 */
class ArchitectureTest {

    private static final String DOMAIN = "dev.keyline.domain..";
    private static final String JDBC = "dev.keyline.jdbc..";
    private static final String WEBHOOK = "dev.keyline.webhook..";
    private static final String KAFKA = "dev.keyline.kafka..";
    private static final String EXAMPLES = "dev.keyline.examples..";
    private static final DescribedPredicate<JavaClass> SPI = resideInAPackage("dev.keyline..")
            .and(resideOutsideOfPackages(DOMAIN, JDBC, WEBHOOK, KAFKA, EXAMPLES))
            .as("the spi module (every other dev.keyline package)");

    /** The JDK without JDBC, and Guava with the annotation jars Guava brings along. */
    private static final DescribedPredicate<JavaClass> JDK_AND_GUAVA = resideInAnyPackage(DOMAIN, "java..",
            "com.google.common..", "com.google.errorprone.annotations..", "com.google.j2objc.annotations..",
            "org.checkerframework..", "org.jspecify..")
            .and(not(resideInAPackage("java.sql..")))
            .as("the domain, the JDK without java.sql, or Guava");

    static final ArchRule DOMAIN_USES_ONLY_JDK_AND_GUAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(JDK_AND_GUAVA)
            .because("the domain is plain Java: the JDK and Guava only, no JDBC, JSON, logging library or Keyline module above it");

    static final ArchRule SPI_DOES_NOT_USE_ADAPTERS_OR_EXAMPLES = noClasses().that(SPI)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, WEBHOOK, KAFKA, EXAMPLES)
            .because("providers plug into the spi, never the other way round");

    static final ArchRule JDBC_IS_INDEPENDENT = noClasses().that().resideInAPackage(JDBC)
            .should().dependOnClassesThat().resideInAnyPackage(WEBHOOK, KAFKA, EXAMPLES)
            .because("each adapter works alone; a host picks any of them");

    static final ArchRule WEBHOOK_IS_INDEPENDENT = noClasses().that().resideInAPackage(WEBHOOK)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, KAFKA, EXAMPLES)
            .because("each adapter works alone; a host picks any of them");

    static final ArchRule KAFKA_IS_INDEPENDENT = noClasses().that().resideInAPackage(KAFKA)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, WEBHOOK, EXAMPLES)
            .because("each adapter works alone; a host picks any of them");

    static final ArchRule NOTHING_POINTS_BACK_UP_THE_CHAIN = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("examples").definedBy(EXAMPLES)
            .layer("adapters-jdbc").definedBy(JDBC)
            .layer("adapters-webhook").definedBy(WEBHOOK)
            .layer("adapters-kafka").definedBy(KAFKA)
            .layer("spi").definedBy(SPI)
            .layer("domain").definedBy(DOMAIN)
            .whereLayer("examples").mayNotBeAccessedByAnyLayer()
            .whereLayer("adapters-jdbc").mayOnlyBeAccessedByLayers("examples")
            .whereLayer("adapters-webhook").mayOnlyBeAccessedByLayers("examples")
            .whereLayer("adapters-kafka").mayOnlyBeAccessedByLayers("examples")
            .whereLayer("spi").mayOnlyBeAccessedByLayers("adapters-jdbc", "adapters-webhook", "adapters-kafka", "examples")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("spi", "adapters-jdbc", "adapters-webhook", "adapters-kafka",
                    "examples");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.keyline.(**)").should().beFreeOfCycles()
            .because("each package depends on others in one direction only; an area's package depends on the core, never back");

    /** The layers in which each business area has a package of its own. */
    private static final Set<String> AREA_LAYERS = Set.of("domain", "spi", "runtime", "memory", "jdbc");

    /** The core: these exact packages, not their sub-packages. */
    private static final String[] CORE = {"dev.keyline.spi", "dev.keyline.runtime", "dev.keyline.memory",
        "dev.keyline.jdbc", "dev.keyline.json"};

    static final ArchRule CORE_NAMES_NO_AREA = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat(inAnyArea())
            .because("areas register themselves (Area, InMemoryArea, JdbcArea); the core serves them by type");

    static final ArchRule ADAPTERS_DO_NOT_USE_THE_RUNTIME = noClasses().that().resideInAnyPackage(JDBC, WEBHOOK, KAFKA)
            .should().dependOnClassesThat().resideInAPackage("dev.keyline.runtime..")
            .because("a provider or a sink plugs into the spi; the runtime is the host's, built on top of them");

    /**
     * What the commercial-authorisation area uses of the key-account area: its id (AccountId), the
     * events its account-standing reaction takes (AccountRegistered, AccountManagerAssigned,
     * AccountExited). Never the key-account area's aggregates, storage or rules: it keeps its own
     * projection of the accounts (AccountStanding) and judges a requester's and a decider's reach
     * over an account by the kernel's access rules (Access over an AccessScope).
     */
    private static final Set<Class<?>> AUTHORITY_USES_OF_ACCOUNT = Set.of(AccountId.class, AccountRegistered.class,
            AccountManagerAssigned.class, AccountExited.class);

    /**
     * What the work-order area uses of the key-account area: its id (AccountId), the account a
     * fault ticket concerns. Who may move a ticket is decided by the kernel's roles.
     */
    private static final Set<Class<?>> WORKORDER_USES_OF_ACCOUNT = Set.of(AccountId.class);

    /** What the key-account area uses of the commercial-authorisation area: nothing. */
    private static final Set<Class<?>> ACCOUNT_USES_OF_AUTHORITY = Set.of();

    static final ArchRule AUTHORITY_USES_ONLY_LISTED_ACCOUNT_TYPES = noClasses().that(inArea("authority"))
            .should().dependOnClassesThat(inArea("account").and(not(oneOf(AUTHORITY_USES_OF_ACCOUNT))))
            .because("an area uses another only through that area's ids and events");

    static final ArchRule WORKORDER_USES_ONLY_LISTED_ACCOUNT_TYPES = noClasses().that(inArea("workorder"))
            .should().dependOnClassesThat(inArea("account").and(not(oneOf(WORKORDER_USES_OF_ACCOUNT))))
            .because("an area uses another only through that area's ids and events");

    /**
     * What the work-order area uses of the SLA area: its id (SlaId) and the event by which an order
     * accepted under the SLA becomes a provisioning order (SlaOrderAccepted). The SLA area uses
     * nothing of the work-order area.
     */
    private static final Set<Class<?>> WORKORDER_USES_OF_SLA = Set.of(SlaId.class, SlaOrderAccepted.class);

    static final ArchRule WORKORDER_USES_ONLY_LISTED_SLA_TYPES = noClasses().that(inArea("workorder"))
            .should().dependOnClassesThat(inArea("sla").and(not(oneOf(WORKORDER_USES_OF_SLA))))
            .because("an area uses another only through that area's ids and events");

    static final ArchRule SLA_USES_NO_WORKORDER_TYPES = noClasses().that(inArea("sla"))
            .should().dependOnClassesThat(inArea("workorder"))
            .because("the SLA commits times; work orders follow its events, never the other way round");

    static final ArchRule WORKORDER_USES_NO_AUTHORITY_TYPES = noClasses().that(inArea("workorder"))
            .should().dependOnClassesThat(inArea("authority"))
            .because("fault tickets need nothing of commercial authorisation");

    static final ArchRule ACCOUNT_USES_ONLY_LISTED_AUTHORITY_TYPES = noClasses().that(inArea("account"))
            .should().dependOnClassesThat(inArea("authority").and(not(oneOf(ACCOUNT_USES_OF_AUTHORITY))))
            .because("an area uses another only through that area's ids and events");

    /**
     * What the network-resource area uses of the key-account area: its id (AccountId), naming the
     * holder of units, and the event its exit reaction takes (AccountExited). Nothing of any other
     * area; only the SLA and budget areas use the resource area, through its ids and events. The
     * capacity a CAPEX project builds reaches it as the kernel's CapacityBuilt, taken by its type's
     * name, so the budget area may follow the resource area without a package cycle.
     */
    private static final Set<Class<?>> RESOURCE_USES_OF_OTHER_AREAS = Set.of(AccountId.class, AccountExited.class);

    /**
     * What the budget area uses of the resource area: the event its investment reaction takes
     * (InvestmentRequested) and the ids and values that event carries (PoolId, ResourceType,
     * PoolLocation, InvestmentKind). Never a pool, a reservation or the area's storage.
     */
    private static final Set<Class<?>> BUDGET_USES_OF_RESOURCE = Set.of(InvestmentRequested.class, PoolId.class,
            ResourceType.class, PoolLocation.class, InvestmentKind.class);

    static final ArchRule RESOURCE_USES_ONLY_LISTED_ACCOUNT_TYPES = noClasses().that(inArea("resource"))
            .should().dependOnClassesThat(inAnyArea().and(not(inArea("resource"))).and(not(oneOf(RESOURCE_USES_OF_OTHER_AREAS))))
            .because("an area uses another only through that area's ids and events");

    /**
     * What the SLA area uses of the resource area: the reservation's id (ReservationId) and the
     * reservation events its binding-reservation reaction takes (made, released, cancelled, expired,
     * completed) with the values they carry (ReservationPurpose, UnitSet). Never the resource area's
     * aggregates, storage or services: the SLA keeps its own book of binding reservations.
     */
    private static final Set<Class<?>> SLA_USES_OF_RESOURCE = Set.of(ReservationId.class, ReservationMade.class,
            ReservationReleased.class, ReservationCancelled.class, ReservationExpired.class, ReservationCompleted.class,
            ReservationPurpose.class, UnitSet.class);

    static final ArchRule SLA_USES_ONLY_LISTED_RESOURCE_TYPES = noClasses().that(inArea("sla"))
            .should().dependOnClassesThat(inArea("resource").and(not(oneOf(SLA_USES_OF_RESOURCE))))
            .because("an area uses another only through that area's ids and events");

    static final ArchRule BUDGET_USES_ONLY_LISTED_RESOURCE_TYPES = noClasses().that(inArea("budget"))
            .should().dependOnClassesThat(inArea("resource").and(not(oneOf(BUDGET_USES_OF_RESOURCE))))
            .because("an area uses another only through that area's ids and events");

    /**
     * What the customer-priority area uses of other areas: the key-account area's id (AccountId), the
     * account its facts and ranks concern, and the work-order area's port through which service
     * priority reaches work orders (ServicePriorityLookup, answered with ServicePriority values).
     * Never an order, a ticket or either area's storage; and no area uses the priority area.
     */
    private static final Set<Class<?>> PRIORITY_USES_OF_OTHER_AREAS = Set.of(AccountId.class, ServicePriority.class,
            ServicePriorityLookup.class);

    static final ArchRule PRIORITY_USES_ONLY_LISTED_TYPES = noClasses().that(inArea("priority"))
            .should().dependOnClassesThat(inAnyArea().and(not(inArea("priority"))).and(not(oneOf(PRIORITY_USES_OF_OTHER_AREAS))))
            .because("an area uses another only through that area's ids, events and ports");

    static final ArchRule NO_AREA_USES_PRIORITY = noClasses().that(inAnyArea().and(not(inArea("priority"))))
            .should().dependOnClassesThat(inArea("priority"))
            .because("service priority reaches the work orders through their own port; no area follows the priority area");

    static final ArchRule NO_OTHER_AREA_USES_RESOURCE = noClasses()
            .that(inAnyArea().and(not(inArea("resource"))).and(not(inArea("sla"))).and(not(inArea("budget")))
                    .and(not(inArea("kpi"))))
            .should().dependOnClassesThat(inArea("resource"))
            .because("only the SLA area (binding reservations) and the budget area (investment requests) follow "
                    + "the resource area, through its ids and events, and the KPI area reads its pools' units");

    /**
     * What the KPI area reads of the resource area: a pool's stored state (ResourcePoolSnapshot) and
     * the movement of its log in force at a period's end (PoolMovement, read through the pools'
     * repository port's movement log), whose capacity and allocated units resource utilisation
     * counts. Never a pool's commands or the area's services.
     */
    private static final Set<Class<?>> KPI_USES_OF_RESOURCE = Set.of(ResourcePoolSnapshot.class, PoolMovement.class,
            PoolId.class, dev.keyline.spi.resource.ResourcePoolRepository.class);

    static final ArchRule KPI_USES_ONLY_LISTED_RESOURCE_TYPES = noClasses().that(inArea("kpi"))
            .should().dependOnClassesThat(inArea("resource").and(not(oneOf(KPI_USES_OF_RESOURCE))))
            .because("the KPI area reads the pools' units, nothing else of the resource area");

    /**
     * What the KPI area reads of the billing area: its stored arrears facts (ArrearsFact, of an
     * ArrearsFactKind, naming a BillId), from which the arrears rate is computed. Never billing's
     * accounts, preferences, services or storage ports.
     */
    private static final Set<Class<?>> KPI_USES_OF_BILLING = Set.of(dev.keyline.domain.billing.ArrearsFact.class,
            dev.keyline.domain.billing.ArrearsFactKind.class, dev.keyline.domain.billing.BillId.class);

    static final ArchRule KPI_USES_ONLY_LISTED_BILLING_TYPES = noClasses().that(inArea("kpi"))
            .should().dependOnClassesThat(inArea("billing").and(not(oneOf(KPI_USES_OF_BILLING))))
            .because("the KPI area reads billing's arrears facts, nothing else of the billing area");

    /** The areas whose stored facts the KPI area reads. */
    private static final Set<String> KPI_FACT_AREAS = Set.of("account", "resource", "sla", "workorder", "budget",
            "billing");

    static final ArchRule NO_FACT_AREA_USES_KPI = noClasses()
            .that(DescribedPredicate.describe("in an area the KPI area reads", c -> KPI_FACT_AREAS.contains(areaOf(c.getPackageName()))))
            .should().dependOnClassesThat(inArea("kpi"))
            .because("the KPI area reads these areas' stored facts; they never depend on it, so no cycle can form");

    /**
     * What the staff area uses of the KPI area: a KPI's id (KpiId, the role catalogue's links), the
     * unit and band a scorecard assesses (KpiUnit, Band) and the scorecard's result an incentive is
     * computed from (ScorecardResult). Never the KPI computation, its facts or its storage.
     */
    private static final Set<Class<?>> STAFF_USES_OF_KPI = Set.of(dev.keyline.domain.kpi.KpiId.class,
            dev.keyline.domain.kpi.KpiUnit.class, dev.keyline.domain.kpi.Band.class,
            dev.keyline.domain.kpi.ScorecardResult.class);

    static final ArchRule STAFF_USES_ONLY_LISTED_KPI_TYPES = noClasses().that(inArea("staff"))
            .should().dependOnClassesThat(inAnyArea().and(not(inArea("staff"))).and(not(oneOf(STAFF_USES_OF_KPI))))
            .because("the staff area reads only the KPI area's ids, bands and scorecard results, and no other area");

    static final ArchRule NO_AREA_USES_STAFF = noClasses().that(inAnyArea().and(not(inArea("staff"))))
            .should().dependOnClassesThat(inArea("staff"))
            .because("the HR interface follows the KPI area; the KPI area and the others never depend on it");

    /**
     * What the billing area uses of the key-account area: its id (AccountId); the account and its
     * repository, for the access scope of the account's managers (KeyAccount, KeyAccountRepository);
     * and the churn warning loop its credit check feeds with arrears (ChurnWarnings with its
     * ChurnObservations and ChurnEvaluation, the rules ChurnEvaluator and ArrearsRule). Never the
     * key-account area's spend facts, plans or storage beyond the account.
     */
    private static final Set<Class<?>> BILLING_USES_OF_ACCOUNT = Set.of(AccountId.class, KeyAccount.class,
            dev.keyline.spi.account.KeyAccountRepository.class, dev.keyline.runtime.account.ChurnWarnings.class,
            dev.keyline.runtime.account.ChurnObservations.class, dev.keyline.runtime.account.ChurnEvaluation.class,
            dev.keyline.domain.account.ChurnEvaluator.class, dev.keyline.domain.account.ArrearsRule.class);

    static final ArchRule BILLING_USES_ONLY_LISTED_ACCOUNT_TYPES = noClasses().that(inArea("billing"))
            .should().dependOnClassesThat(inArea("account").and(not(oneOf(BILLING_USES_OF_ACCOUNT))))
            .because("billing feeds the key-account area's churn warnings through its service and observations only");

    static final ArchRule ACCOUNT_USES_NO_BILLING_TYPES = noClasses().that(inArea("account"))
            .should().dependOnClassesThat(inArea("billing"))
            .because("billing depends on the key-account area, never the other way round: arrears reach the churn "
                    + "rules as observations");

    /** The area of a package, {@code dev.keyline.<layer>.<area>..}, or empty for the core and the kernel. */
    static String areaOf(String packageName) {
        String[] parts = packageName.split("\\.");
        if (parts.length < 4 || !parts[0].equals("dev") || !parts[1].equals("keyline") || !AREA_LAYERS.contains(parts[2])
                || parts[3].equals("common")) {
            return "";
        }
        return parts[3];
    }

    private static DescribedPredicate<JavaClass> inAnyArea() {
        return DescribedPredicate.describe("in an area package", c -> !areaOf(c.getPackageName()).isEmpty());
    }

    private static DescribedPredicate<JavaClass> inArea(String area) {
        return DescribedPredicate.describe("in the area '" + area + "'", c -> areaOf(c.getPackageName()).equals(area));
    }

    private static DescribedPredicate<JavaClass> oneOf(Set<Class<?>> allowed) {
        Set<String> names = allowed.stream().map(Class::getName).collect(java.util.stream.Collectors.toSet());
        return DescribedPredicate.describe("one of " + names, c -> names.contains(c.getName()));
    }

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter().withImportOption(ArchitectureTest::isMainCode).importPackages("dev.keyline");
    }

    @Test
    void importsTheMainClassesOfEveryModule() {
        for (String pkg : List.of("dev.keyline.domain.common", "dev.keyline.spi", "dev.keyline.jdbc",
                "dev.keyline.webhook", "dev.keyline.kafka", "dev.keyline.examples")) {
            assertThat(mainClasses.containPackage(pkg)).as("classes of %s were imported", pkg).isTrue();
        }
        assertThat(mainClasses.contain(PlantedLayerViolation.class)).isFalse();
    }

    @Test
    void domainUsesOnlyTheJdkAndGuava() {
        DOMAIN_USES_ONLY_JDK_AND_GUAVA.check(mainClasses);
    }

    @Test
    void spiDoesNotDependOnAdaptersOrExamples() {
        SPI_DOES_NOT_USE_ADAPTERS_OR_EXAMPLES.check(mainClasses);
    }

    @Test
    void adaptersNeverDependOnEachOtherOrOnExamples() {
        JDBC_IS_INDEPENDENT.check(mainClasses);
        WEBHOOK_IS_INDEPENDENT.check(mainClasses);
        KAFKA_IS_INDEPENDENT.check(mainClasses);
    }

    @Test
    void nothingPointsBackUpTheChain() {
        NOTHING_POINTS_BACK_UP_THE_CHAIN.check(mainClasses);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(mainClasses);
    }

    @Test
    void theCoreNamesNoArea() {
        CORE_NAMES_NO_AREA.check(mainClasses);
    }

    @Test
    void adaptersDoNotDependOnTheRuntime() {
        ADAPTERS_DO_NOT_USE_THE_RUNTIME.check(mainClasses);
    }

    @Test
    void areasUseEachOtherOnlyThroughTheListedTypes() {
        AUTHORITY_USES_ONLY_LISTED_ACCOUNT_TYPES.check(mainClasses);
        ACCOUNT_USES_ONLY_LISTED_AUTHORITY_TYPES.check(mainClasses);
        WORKORDER_USES_ONLY_LISTED_ACCOUNT_TYPES.check(mainClasses);
        WORKORDER_USES_NO_AUTHORITY_TYPES.check(mainClasses);
        WORKORDER_USES_ONLY_LISTED_SLA_TYPES.check(mainClasses);
        SLA_USES_NO_WORKORDER_TYPES.check(mainClasses);
        RESOURCE_USES_ONLY_LISTED_ACCOUNT_TYPES.check(mainClasses);
        NO_OTHER_AREA_USES_RESOURCE.check(mainClasses);
        SLA_USES_ONLY_LISTED_RESOURCE_TYPES.check(mainClasses);
        BUDGET_USES_ONLY_LISTED_RESOURCE_TYPES.check(mainClasses);
        STAFF_USES_ONLY_LISTED_KPI_TYPES.check(mainClasses);
        NO_AREA_USES_STAFF.check(mainClasses);
        BILLING_USES_ONLY_LISTED_ACCOUNT_TYPES.check(mainClasses);
        ACCOUNT_USES_NO_BILLING_TYPES.check(mainClasses);
        PRIORITY_USES_ONLY_LISTED_TYPES.check(mainClasses);
        NO_AREA_USES_PRIORITY.check(mainClasses);
        KPI_USES_ONLY_LISTED_RESOURCE_TYPES.check(mainClasses);
        NO_FACT_AREA_USES_KPI.check(mainClasses);
        KPI_USES_ONLY_LISTED_BILLING_TYPES.check(mainClasses);
    }

    @Test
    void areaPackagesAreToldApartFromTheCoreAndTheKernel() {
        assertThat(areaOf("dev.keyline.spi.account")).isEqualTo("account");
        assertThat(areaOf("dev.keyline.jdbc.authority")).isEqualTo("authority");
        assertThat(areaOf("dev.keyline.domain.account.sub")).isEqualTo("account");
        assertThat(areaOf("dev.keyline.spi")).isEmpty();
        assertThat(areaOf("dev.keyline.domain.common")).isEmpty();
        assertThat(areaOf("dev.keyline.notification")).isEmpty();
    }

    @Test
    void plantedAreaViolationsAreReported() {
        JavaClasses withPlants = new ClassFileImporter()
                .withImportOption(location -> isMainCode(location) || location.contains("Planted"))
                .importPackages("dev.keyline");
        assertThat(withPlants.contain(PlantedCoreNamingAnArea.class)).isTrue();

        assertReportsOnly(NO_PACKAGE_CYCLES.evaluate(withPlants), PlantedCoreNamingAnArea.class.getName());
        assertReportsOnly(CORE_NAMES_NO_AREA.evaluate(withPlants), PlantedCoreNamingAnArea.class.getName());
        assertReportsOnly(ADAPTERS_DO_NOT_USE_THE_RUNTIME.evaluate(withPlants), PlantedAdapterUsingRuntime.class.getName());
        assertReportsOnly(AUTHORITY_USES_ONLY_LISTED_ACCOUNT_TYPES.evaluate(withPlants),
                PlantedAreaReachingIntoAnother.class.getName());
        assertThat(AUTHORITY_USES_ONLY_LISTED_ACCOUNT_TYPES.evaluate(withPlants).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("dev.keyline.domain.account.AccountPlan"))
                .anySatisfy(line -> assertThat(line).contains("<" + KeyAccount.class.getName() + ">"))
                .anySatisfy(line -> assertThat(line).contains("<" + AccountAccess.class.getName() + ".mayApproveTierOverride("))
                .noneSatisfy(line -> assertThat(line).contains("<" + AccountId.class.getName() + ">"));
        assertReportsOnly(RESOURCE_USES_ONLY_LISTED_ACCOUNT_TYPES.evaluate(withPlants),
                PlantedResourceReachingIntoAccount.class.getName());
        assertThat(RESOURCE_USES_ONLY_LISTED_ACCOUNT_TYPES.evaluate(withPlants).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("<" + KeyAccount.class.getName() + ".snapshot()>"))
                .anySatisfy(line -> assertThat(line).contains("<dev.keyline.spi.account.KeyAccountRepository>"))
                .noneSatisfy(line -> assertThat(line).contains("<" + AccountId.class.getName() + ">"));
        assertReportsOnly(SLA_USES_ONLY_LISTED_RESOURCE_TYPES.evaluate(withPlants),
                PlantedSlaReachingIntoResource.class.getName());
        assertThat(SLA_USES_ONLY_LISTED_RESOURCE_TYPES.evaluate(withPlants).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("<" + Reservation.class.getName() + ".reference()>"))
                .anySatisfy(line -> assertThat(line).contains("<dev.keyline.spi.resource.ReservationRepository>"))
                .noneSatisfy(line -> assertThat(line).contains("<" + ReservationId.class.getName() + ">"));
        assertThat(NO_OTHER_AREA_USES_RESOURCE.evaluate(withPlants).hasViolation())
                .as("the SLA and budget areas are the areas allowed to follow the resource area").isFalse();
        assertReportsOnly(WORKORDER_USES_ONLY_LISTED_SLA_TYPES.evaluate(withPlants),
                PlantedWorkOrderReachingIntoSla.class.getName());
        assertThat(WORKORDER_USES_ONLY_LISTED_SLA_TYPES.evaluate(withPlants).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("<" + ServiceLevelAgreement.class.getName() + ">"))
                .noneSatisfy(line -> assertThat(line).contains("<" + SlaId.class.getName() + ">"))
                .noneSatisfy(line -> assertThat(line).contains("<" + SlaOrderAccepted.class.getName() + ">"));
        assertReportsOnly(BUDGET_USES_ONLY_LISTED_RESOURCE_TYPES.evaluate(withPlants),
                PlantedBudgetReachingIntoResource.class.getName());
        assertThat(BUDGET_USES_ONLY_LISTED_RESOURCE_TYPES.evaluate(withPlants).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("<" + ResourcePool.class.getName() + ".addCapacity("))
                .anySatisfy(line -> assertThat(line).contains("<dev.keyline.spi.resource.ResourcePoolRepository>"))
                .noneSatisfy(line -> assertThat(line).contains("<" + PoolId.class.getName() + ">"));
        assertReportsOnly(BILLING_USES_ONLY_LISTED_ACCOUNT_TYPES.evaluate(withPlants),
                "dev.keyline.domain.billing.archfixture.PlantedBillingReachingIntoSpendFacts");
        assertThat(BILLING_USES_ONLY_LISTED_ACCOUNT_TYPES.evaluate(withPlants).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("<dev.keyline.spi.account.SpendFactRepository>"))
                .noneSatisfy(line -> assertThat(line).contains("<" + AccountId.class.getName() + ">"));
        assertReportsOnly(ACCOUNT_USES_NO_BILLING_TYPES.evaluate(withPlants),
                "dev.keyline.domain.account.archfixture.PlantedAccountReachingIntoBilling");
        assertReportsOnly(PRIORITY_USES_ONLY_LISTED_TYPES.evaluate(withPlants), PlantedPriorityReachingIntoWorkOrder.class.getName());
        assertThat(PRIORITY_USES_ONLY_LISTED_TYPES.evaluate(withPlants).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("<dev.keyline.spi.workorder.ProvisioningOrderRepository>"))
                .noneSatisfy(line -> assertThat(line).contains("<" + ServicePriority.class.getName() + ">"));
        assertThat(NO_AREA_USES_PRIORITY.evaluate(withPlants).hasViolation()).isFalse();
    }

    private static void assertReportsOnly(EvaluationResult result, String culprit) {
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(culprit));
    }

    @Test
    void aPlantedViolationIsReported() {
        JavaClasses withPlant = new ClassFileImporter()
                .withImportOption(location -> isMainCode(location) || location.contains("/domain/archfixture/"))
                .importPackages("dev.keyline");
        assertThat(withPlant.contain(PlantedLayerViolation.class)).isTrue();

        EvaluationResult domainRule = DOMAIN_USES_ONLY_JDK_AND_GUAVA.evaluate(withPlant);
        EvaluationResult chainRule = NOTHING_POINTS_BACK_UP_THE_CHAIN.evaluate(withPlant);

        assertThat(domainRule.hasViolation()).isTrue();
        assertThat(domainRule.getFailureReport().getDetails())
                .allSatisfy(line -> assertThat(line).contains(PlantedLayerViolation.class.getName()))
                .anySatisfy(line -> assertThat(line).contains("java.sql.Connection"))
                .anySatisfy(line -> assertThat(line).contains("dev.keyline.examples.KeylineCli"));
        assertThat(chainRule.hasViolation()).isTrue();
        assertThat(chainRule.getFailureReport().getDetails())
                .allSatisfy(line -> assertThat(line).contains(PlantedLayerViolation.class.getName()))
                .anySatisfy(line -> assertThat(line).contains("dev.keyline.examples.KeylineCli"));
    }

    private static boolean isMainCode(Location location) {
        return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");
    }
}
