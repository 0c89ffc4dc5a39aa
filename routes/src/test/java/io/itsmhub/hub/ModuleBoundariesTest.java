package io.itsmhub.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency direction of ARCHITECTURE.md, checked rather than reviewed: routes → core, routes → connectors. */
class ModuleBoundariesTest {

    /**
     * Main classes only. Under {@code mvn verify} the core's test classes come as a test jar (not as test-classes,
     * which DO_NOT_INCLUDE_TESTS knows), and their fixtures reach across features as tests may.
     */
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.itsmhub");

    @Test
    void theCoreKnowsNoCamelNoConnectorsAndNoRoutes() {
        noClasses().that().resideInAPackage("io.itsmhub.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.itsmhub.connectors..",
                        "io.itsmhub.hub..")
                .check(classes);
    }

    @Test
    void connectorsKnowNoItsmAndNoCamel() {
        noClasses().that().resideInAPackage("io.itsmhub.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.itsmhub.core..", "io.itsmhub.hub..", "org.apache.camel..")
                .check(classes);
    }

    @Test
    void aFeaturesRepositoriesAreVisibleOnlyInsideItSoOtherFeaturesGoThroughItsService() {
        classes().that().resideInAPackage("io.itsmhub.core..").and().haveSimpleNameEndingWith("Repository")
                .should().notBePublic()
                .check(classes);
    }

    /**
     * The core's features build on a base (common, audit, journal, outbox, people, security, desk, sla, then the ticket
     * kernel) and never the other way round: a cycle between two packages means neither can change without the
     * other, which is how the kernel would rot back into four copies.
     */
    @Test
    void theCorePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.itsmhub.core.(*)..").should().beFreeOfCycles().check(classes);
    }
}
