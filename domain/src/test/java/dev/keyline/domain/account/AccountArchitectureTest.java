package dev.keyline.domain.account;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The key-account area depends only on the kernel: the authority area builds on it, so it must
 * never point back, or the two would form a cycle.
 */
class AccountArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keyline.domain");

    private static final ArchRule ONLY_KERNEL = classes().that().resideInAPackage("dev.keyline.domain.account..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.google.common..",
                    "dev.keyline.domain.common..", "dev.keyline.domain.account..")
            .because("account is depended on by authority and the other areas, and depends only on the kernel");

    private static final ArchRule NOT_ON_AUTHORITY = noClasses().that().resideInAPackage("dev.keyline.domain.account..")
            .should().dependOnClassesThat().resideInAPackage("dev.keyline.domain.authority..");

    @Test
    void accountDependsOnlyOnTheKernel() {
        assertThat(MAIN.stream().filter(c -> c.getPackageName().equals("dev.keyline.domain.account")).count())
                .as("the rule sees the account classes").isGreaterThan(40);
        ONLY_KERNEL.check(MAIN);
        NOT_ON_AUTHORITY.check(MAIN);
    }

    @Test
    void theRuleCatchesADependencyOnAuthority() {
        // the authority area depends on account, so checking the rule against it in reverse must fail
        ArchRule reversed = noClasses().that().resideInAPackage("dev.keyline.domain.authority..")
                .should().dependOnClassesThat().resideInAPackage("dev.keyline.domain.account..");
        assertThat(reversed.evaluate(MAIN).hasViolation()).isTrue();
    }
}
