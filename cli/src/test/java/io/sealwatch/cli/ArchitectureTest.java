package io.sealwatch.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module dependencies point one way (docs/architecture.md): rules ← engine, rules ← reports, rules and reports ← web,
 * all ← cli; samples alone.
 */
class ArchitectureTest {
    private static final String[] RULES_MODULE = {"io.sealwatch.model..", "io.sealwatch.config..",
            "io.sealwatch.rules..", "io.sealwatch.result..", "io.sealwatch.review..", "io.sealwatch.files.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sealwatch");
        assertTrue(classes.size() > 50, "the import must see every module's classes, saw " + classes.size());
    }

    @Test
    void rulesNeverSeeSparkNorTheOtherModules() {
        ArchRule rule = noClasses().that().resideInAnyPackage(RULES_MODULE).should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "io.sealwatch.engine..",
                        "io.sealwatch.reports..", "io.sealwatch.web..", "io.sealwatch.cli..", "io.sealwatch.samples..");
        rule.check(classes);
    }

    @Test
    void engineNeverSeesReports() {
        noClasses().that().resideInAPackage("io.sealwatch.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("io.sealwatch.reports..", "io.sealwatch.web..", "io.sealwatch.cli..",
                        "io.sealwatch.samples..")
                .check(classes);
    }

    @Test
    void reportsNeverSeeSparkNorTheEngine() {
        noClasses().that().resideInAPackage("io.sealwatch.reports..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "io.sealwatch.engine..", "io.sealwatch.web..",
                        "io.sealwatch.cli..", "io.sealwatch.samples..")
                .check(classes);
    }

    /** The status page serves what the service judged; it never judges, so it needs neither Spark nor the engine. */
    @Test
    void webNeverSeesSparkNorTheEngine() {
        noClasses().that().resideInAPackage("io.sealwatch.web..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "io.sealwatch.engine..",
                        "io.sealwatch.cli..", "io.sealwatch.samples..")
                .check(classes);
    }

    @Test
    void samplesStandAlone() {
        noClasses().that().resideInAPackage("io.sealwatch.samples..").should().dependOnClassesThat()
                .resideInAnyPackage("io.sealwatch.model..", "io.sealwatch.config..", "io.sealwatch.rules..",
                        "io.sealwatch.engine..", "io.sealwatch.reports..", "io.sealwatch.web..", "io.sealwatch.cli..")
                .check(classes);
    }

    /**
     * Every package is its own slice: a cycle between two means neither can be read, moved or tested alone. Checked
     * per module (Maven already forbids cycles between modules), because one rule over all of io.sealwatch stops
     * reporting after the first tangle it meets.
     */
    @ParameterizedTest
    @ValueSource(strings = {"io.sealwatch.config,io.sealwatch.model,io.sealwatch.rules,io.sealwatch.result,io.sealwatch.review,"
            + "io.sealwatch.files",
            "io.sealwatch.engine", "io.sealwatch.reports", "io.sealwatch.web", "io.sealwatch.samples", "io.sealwatch.cli"})
    void packagesAreFreeOfCycles(String modulePackages) {
        JavaClasses module = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(modulePackages.split(","));
        slices().matching("io.sealwatch.(**)").should().beFreeOfCycles().check(module);
    }
}
