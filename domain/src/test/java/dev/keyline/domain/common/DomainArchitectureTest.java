package dev.keyline.domain.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.keyline.domain.archfixture.CleanClockUse;
import dev.keyline.domain.archfixture.PlantedViolations;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain module's boundaries: only the JDK and Guava, no JDBC, no logging, no threads and
 * never the system clock. A planted class proves each rule catches what it should.
 */
class DomainArchitectureTest {

    private static final String DOMAIN = "dev.keyline.domain..";

    /** A call or method reference that reads the system clock rather than a passed-in Clock. */
    private static final DescribedPredicate<JavaAccess<?>> READS_SYSTEM_CLOCK =
            new DescribedPredicate<>("reads the system clock (Instant.now(), LocalDate.now(), System.currentTimeMillis(), "
                    + "Clock.systemUTC(), ...) instead of a passed-in Clock") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                        return false;
                    }
                    String owner = target.getOwner().getName();
                    String name = target.getName();
                    if (owner.startsWith("java.time.") && name.equals("now")) {
                        return target.getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(Clock.class));
                    }
                    if (owner.equals("java.lang.System")) {
                        return name.equals("currentTimeMillis") || name.equals("nanoTime");
                    }
                    if (owner.equals("java.time.Clock")) {
                        return Set.of("systemUTC", "systemDefaultZone", "system").contains(name);
                    }
                    return false;
                }
            };

    static final ArchRule ONLY_JDK_AND_GUAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.google.common..", DOMAIN)
            .because("the domain is plain Java plus Guava");

    static final ArchRule NO_JDBC = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("storage belongs to the adapters");

    static final ArchRule NO_LOGGING = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(System.Logger.class.getName())
            .because("the domain reports through exceptions and events, not logs");

    static final ArchRule NO_THREADS = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().belongToAnyOf(Thread.class)
            .orShould().dependOnClassesThat().haveNameMatching("java\\.util\\.concurrent\\.Executor.*")
            .because("the host owns threads");

    static final ArchRule NO_SYSTEM_CLOCK = noClasses().that().resideInAPackage(DOMAIN)
            .should().accessTargetWhere(READS_SYSTEM_CLOCK)
            .because("time comes in as an Instant, a LocalDate or a Clock");

    static final List<ArchRule> RULES = List.of(ONLY_JDK_AND_GUAVA, NO_JDBC, NO_LOGGING, NO_THREADS, NO_SYSTEM_CLOCK);

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keyline.domain");
    }

    @Test
    void importsTheMainClassesAndNotTheTestFixtures() {
        assertThat(mainClasses.contain(Money.class)).isTrue();
        assertThat(mainClasses.contain(AggregateRoot.class)).isTrue();
        assertThat(mainClasses.stream().map(JavaClass::getPackageName))
                .noneMatch(p -> p.startsWith("dev.keyline.domain.archfixture"));
        assertThat(mainClasses.contain(DomainArchitectureTest.class)).isFalse();
    }

    @Test
    void domainDependsOnlyOnTheJdkAndGuava() {
        ONLY_JDK_AND_GUAVA.check(mainClasses);
    }

    @Test
    void domainDoesNotUseJdbc() {
        NO_JDBC.check(mainClasses);
    }

    @Test
    void domainDoesNotLog() {
        NO_LOGGING.check(mainClasses);
    }

    @Test
    void domainStartsNoThreads() {
        NO_THREADS.check(mainClasses);
    }

    @Test
    void domainNeverReadsTheSystemClock() {
        NO_SYSTEM_CLOCK.check(mainClasses);
    }

    @Test
    void everyRuleCatchesThePlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedViolations.class);
        for (ArchRule rule : RULES) {
            assertThat(rule.evaluate(planted).hasViolation()).as(rule.getDescription()).isTrue();
        }
        String clockReport = NO_SYSTEM_CLOCK.evaluate(planted).getFailureReport().toString();
        assertThat(clockReport).contains("Instant.now()", "LocalDate.now()", "LocalDateTime.now()",
                "System.currentTimeMillis()", "Clock.systemUTC()", "Clock.systemDefaultZone()");
        // the method reference LocalDate::now is caught as well as the call
        EvaluationResult clock = NO_SYSTEM_CLOCK.evaluate(planted);
        assertThat(clock.getFailureReport().getDetails()).anyMatch(d -> d.contains("todaySupplier") && d.contains("LocalDate.now()"));
        assertThat(NO_JDBC.evaluate(planted).getFailureReport().toString()).contains("java.sql.Timestamp");
        assertThat(NO_LOGGING.evaluate(planted).getFailureReport().toString()).contains("java.util.logging.Logger", "System$Logger");
        assertThat(NO_THREADS.evaluate(planted).getFailureReport().toString()).contains("java.lang.Thread", "Executors");
        assertThat(ONLY_JDK_AND_GUAVA.evaluate(planted).getFailureReport().toString()).contains("org.quicktheories");
    }

    @Test
    void noRuleFlagsAClockThatIsPassedIn() {
        JavaClasses clean = new ClassFileImporter().importClasses(CleanClockUse.class);
        for (ArchRule rule : RULES) {
            assertThat(rule.evaluate(clean).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }
}
