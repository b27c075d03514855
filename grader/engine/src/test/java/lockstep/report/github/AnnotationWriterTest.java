package lockstep.report.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;

/** Against GitHub's workflow commands: {@code ::error file=,line=,title=::message}, escaped as the rules ask. */
class AnnotationWriterTest {

    @Test
    void compileErrorsAnnotateTheStudentsLinesWithTheirDetails() {
        assertEquals(List.of(
                "::error file=starter/src/main/java/exercises/race/RaceDemo.java,line=12,"
                        + "title=Task race%3A compile error::';' expected",
                "::error file=starter/src/main/java/exercises/race/RaceDemo.java,line=20,"
                        + "title=Task race%3A compile error::cannot find symbol%0Asymbol:   variable count"
                        + "%0Alocation: class RaceDemo"),
                AnnotationWriter.render(SampleGrades.alice(), "starter/src/main/java/").lines().toList());
    }

    @Test
    void ruleViolationsAnnotateTheirLineOrTheWholeFile() {
        assertEquals(List.of(
                "::error file=starter/src/main/java/exercises/launch/Launcher.java,line=31,"
                        + "title=Task launch%3A sandbox rule broken::Launcher.main calls System.exit: a submission "
                        + "may not end the JVM, return from main instead",
                "::error file=starter/src/main/java/exercises/launch/Launcher.java,"
                        + "title=Task launch%3A sandbox rule broken::Launcher uses java.net.Socket: a submission may "
                        + "not open sockets"),
                AnnotationWriter.render(SampleGrades.bob(), "starter/src/main/java").lines().toList());
    }

    @Test
    void anEmptyPrefixMeansTheSourceRootIsTheRepositoryRoot() {
        assertEquals("::error file=exercises/race/RaceDemo.java,line=12,title=Task race%3A compile error::';' expected",
                AnnotationWriter.render(SampleGrades.alice(), "").lines().findFirst().orElseThrow());
    }

    @Test
    void gradedCrashedAndTimedOutTasksAreNotAnnotated() {
        assertEquals("", AnnotationWriter.render(SampleGrades.dana(), "starter/src/main/java/"));
        GradeResult crashed = grade(TaskStatus.CRASHED, "exercises/locks/Bank.java:3: the JVM died here");
        assertEquals("", AnnotationWriter.render(crashed, ""));
    }

    @Test
    void messagesAndPropertiesAreEscapedSoNoMessageCanEndOrStartACommand() {
        assertEquals("100%25 sure%0D%0A::error::forged", AnnotationWriter.data("100% sure\r\n::error::forged"));
        assertEquals("a%3Ab%2Cc%25%0A", AnnotationWriter.property("a:b,c%\n"));
        GradeResult grade = grade(TaskStatus.RULE_VIOLATION,
                "exercises/race/Race,Demo.java:7: 100% of RaceDemo.run calls System.exit\n::warning::forged");
        assertEquals(List.of("::error file=exercises/race/Race%2CDemo.java,line=7,title=Task race%3A sandbox rule "
                + "broken::100%25 of RaceDemo.run calls System.exit"),
                AnnotationWriter.render(grade, "").lines().toList());
    }

    @Test
    void pathsThatWouldLeaveTheSourceRootAreNotAnnotated() {
        GradeResult grade = grade(TaskStatus.COMPILE_ERROR, """
                ../../etc/Evil.java:1: error: nope
                /abs/Evil.java:1: error: nope
                exercises/race/RaceDemo.java:2: error: kept""");
        assertEquals(List.of("::error file=exercises/race/RaceDemo.java,line=2,title=Task race%3A compile error::kept"),
                AnnotationWriter.render(grade, "").lines().toList());
    }

    private static GradeResult grade(TaskStatus status, String message) {
        return GradeResult.of("x", "hidden", 1, List.of(TaskResult.of("race", status, message,
                List.of(TestResult.of("RaceDemoTest.gate", "gate", 2, TestStatus.NOT_RUN, "not run")))),
                List.of(), Map.of());
    }
}
