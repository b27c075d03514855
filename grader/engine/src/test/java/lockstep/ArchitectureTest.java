package lockstep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grader's own pipeline, checked: each stage feeds the next and nothing reaches back up. */
class ArchitectureTest {

    static JavaClasses grader;

    @BeforeAll
    static void importGrader() {
        grader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("lockstep");
    }

    @Test
    void reportsRenderTheResultModelAndNothingElse() {
        noClasses().that().resideInAPackage("lockstep.report..")
                .should().dependOnClassesThat().resideInAnyPackage("lockstep.run..", "lockstep.compile..",
                        "lockstep.check..", "lockstep.collect..", "lockstep.score..", "lockstep.grade..")
                .because("every report is rendered from the saved result alone")
                .check(grader);
    }

    @Test
    void onlyTheRunStageTouchesTheJUnitLauncher() {
        noClasses().that().resideOutsideOfPackages("lockstep.run..", "lockstep.selfcheck..")
                .should().dependOnClassesThat().resideInAPackage("org.junit.platform.launcher..")
                .because("tests run in the test JVM, started by the run stage")
                .check(grader);
    }

    @Test
    void earlierStagesDoNotKnowLaterOnes() {
        noClasses().that().resideInAnyPackage("lockstep.collect..", "lockstep.compile..", "lockstep.check..")
                .should().dependOnClassesThat().resideInAnyPackage("lockstep.run..", "lockstep.score..",
                        "lockstep.report..", "lockstep.grade..", "lockstep.cli..")
                .check(grader);
        noClasses().that().resideInAnyPackage("lockstep.run..", "lockstep.score..")
                .should().dependOnClassesThat().resideInAnyPackage("lockstep.report..", "lockstep.grade..",
                        "lockstep.cli..")
                .check(grader);
    }

    @Test
    void onlyTheCommandLineExitsTheJvm() {
        noClasses().that().resideOutsideOfPackages("lockstep.cli..", "lockstep.run..")
                .should().callMethod(System.class, "exit", int.class)
                .check(grader);
    }
}
