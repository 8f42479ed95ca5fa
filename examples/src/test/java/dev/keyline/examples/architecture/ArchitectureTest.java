package dev.keyline.examples.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.keyline.domain.archfixture.PlantedLayerViolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module dependency rules, checked over the main classes of every Keyline module on this
 * module's test classpath: {@code examples → adapters-jdbc / adapters-webhook → spi → domain}.
 *
 * <p>Modules are told apart by package: {@code dev.keyline.domain..} is the domain,
 * {@code dev.keyline.jdbc..} and {@code dev.keyline.webhook..} the adapters,
 * {@code dev.keyline.examples..} the examples, and every other {@code dev.keyline} package (the
 * ports, the runtime, the in-memory provider, the Jackson module, notification routing) the spi
 * module.
 */
class ArchitectureTest {

    private static final String DOMAIN = "dev.keyline.domain..";
    private static final String JDBC = "dev.keyline.jdbc..";
    private static final String WEBHOOK = "dev.keyline.webhook..";
    private static final String EXAMPLES = "dev.keyline.examples..";
    private static final DescribedPredicate<JavaClass> SPI = resideInAPackage("dev.keyline..")
            .and(resideOutsideOfPackages(DOMAIN, JDBC, WEBHOOK, EXAMPLES))
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
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, WEBHOOK, EXAMPLES)
            .because("providers plug into the spi, never the other way round");

    static final ArchRule JDBC_IS_INDEPENDENT = noClasses().that().resideInAPackage(JDBC)
            .should().dependOnClassesThat().resideInAnyPackage(WEBHOOK, EXAMPLES)
            .because("each adapter works alone; a host picks any of them");

    static final ArchRule WEBHOOK_IS_INDEPENDENT = noClasses().that().resideInAPackage(WEBHOOK)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, EXAMPLES)
            .because("each adapter works alone; a host picks any of them");

    static final ArchRule NOTHING_POINTS_BACK_UP_THE_CHAIN = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("examples").definedBy(EXAMPLES)
            .layer("adapters-jdbc").definedBy(JDBC)
            .layer("adapters-webhook").definedBy(WEBHOOK)
            .layer("spi").definedBy(SPI)
            .layer("domain").definedBy(DOMAIN)
            .whereLayer("examples").mayNotBeAccessedByAnyLayer()
            .whereLayer("adapters-jdbc").mayOnlyBeAccessedByLayers("examples")
            .whereLayer("adapters-webhook").mayOnlyBeAccessedByLayers("examples")
            .whereLayer("spi").mayOnlyBeAccessedByLayers("adapters-jdbc", "adapters-webhook", "examples")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("spi", "adapters-jdbc", "adapters-webhook", "examples");

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter().withImportOption(ArchitectureTest::isMainCode).importPackages("dev.keyline");
    }

    @Test
    void importsTheMainClassesOfEveryModule() {
        for (String pkg : List.of("dev.keyline.domain.common", "dev.keyline.spi", "dev.keyline.jdbc",
                "dev.keyline.webhook", "dev.keyline.examples")) {
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
    }

    @Test
    void nothingPointsBackUpTheChain() {
        NOTHING_POINTS_BACK_UP_THE_CHAIN.check(mainClasses);
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
