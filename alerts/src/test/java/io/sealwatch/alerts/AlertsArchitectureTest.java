package io.sealwatch.alerts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module's place in docs/architecture.md: it sees only {@code rules}, and the outbox finds its sinks through
 * {@link java.util.ServiceLoader}, so {@code alerts} never depends on {@code alerts.sink}. Here rather than in the
 * cli's ArchitectureTest because the cli does not depend on this module yet.
 */
class AlertsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.sealwatch.alerts");

    @Test
    void alertsSeeNeitherSparkNorTheOtherModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                "io.sealwatch.engine..", "io.sealwatch.reports..", "io.sealwatch.cli..", "io.sealwatch.samples..")
                .check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.sealwatch.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
