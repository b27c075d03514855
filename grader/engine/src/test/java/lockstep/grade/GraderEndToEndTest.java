package lockstep.grade;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import lockstep.collect.Task;
import lockstep.hidden.HiddenLimits;
import lockstep.model.Evidence;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.MarkdownReport;
import lockstep.report.ResultJson;
import lockstep.run.RunLimits;
import lockstep.stress.CounterScenarios;
import lockstep.stress.StressMatrix;
import lockstep.suite.Suite;
import lockstep.suite.SuiteLocator;
import java.util.concurrent.TimeUnit;
import lockstep.JdkNeutral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Grades the bundled samples and test submissions end to end, in real test JVMs, with both suites. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GraderEndToEndTest {

    static final Path REPO = Path.of(System.getProperty("lockstep.repository", "../..")).toAbsolutePath().normalize();
    static final Path SOLUTIONS = REPO.resolve("solutions");
    static final Path SAMPLES = REPO.resolve("grader/samples");
    static final Path SUBMISSIONS = Path.of("src/test/resources/submissions").toAbsolutePath();
    static final Suite HIDDEN = SuiteLocator.find("hidden");
    static final Suite PUBLIC = SuiteLocator.find("public");

    private final StringWriter log = new StringWriter();

    private GradeResult grade(Suite suite, Path submission, boolean overReference, Set<Task> tasks) throws Exception {
        return grade(suite, submission, overReference, tasks, RunLimits.defaults());
    }

    private GradeResult grade(Suite suite, Path submission, boolean overReference, Set<Task> tasks, RunLimits limits)
            throws Exception {
        Grader grader = new Grader(suite, limits, tasks, new PrintWriter(log, true));
        return grader.grade(submission, overReference ? Optional.of(SOLUTIONS) : Optional.empty());
    }

    private static TaskResult task(GradeResult grade, String id) {
        return grade.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static String feedback(TaskResult task) {
        StringBuilder text = new StringBuilder(task.message());
        task.tests().forEach(test -> text.append('\n').append(test.message()));
        return text.toString();
    }

    @Test
    void theReferenceGetsFullMarksOnBothSuites() throws Exception {
        for (Suite suite : new Suite[] {HIDDEN, PUBLIC}) {
            GradeResult grade = grade(suite, SOLUTIONS, false, Set.of());
            assertEquals(grade.maxScore(), grade.score(), suite.name() + " suite:\n" + grade);
            assertTrue(grade.maxScore() > 0);
            assertTrue(grade.tasks().stream().allMatch(t -> t.status() == TaskStatus.GRADED));
            assertEquals("1", grade.environment().get("test_jvms"), "every task ran in one shared test JVM");
            assertFalse(grade.environment().containsKey("test_jvms_why"), grade.environment().toString());
        }
    }

    @Test
    @JdkNeutral
    void theUntouchedStarterScoresZeroAndEveryPublicTestFailsWithAReadableReason() throws Exception {
        for (Suite suite : new Suite[] {HIDDEN, PUBLIC}) {
            GradeResult grade = grade(suite, REPO.resolve("starter"), false, Set.of());
            assertEquals(0, grade.score(), suite.name() + " suite");
            for (TaskResult task : grade.tasks()) {
                assertEquals(TaskStatus.GRADED, task.status(), task.id());
                for (TestResult test : task.tests()) {
                    assertTrue(test.status() == TestStatus.FAILED || test.status() == TestStatus.ERROR,
                            test.id() + " is " + test.status());
                    assertFalse(test.message().isBlank(), test.id() + " has no reason");
                    assertFalse(test.message().contains("NullPointerException"), test.id() + ": " + test.message());
                }
            }
        }
    }

    @Test
    @JdkNeutral
    void aCompileErrorCostsOnlyItsOwnTask() throws Exception {
        GradeResult grade = grade(HIDDEN, SAMPLES.resolve("compile-error"), true, Set.of(Task.LAUNCH, Task.RACE));
        TaskResult race = task(grade, "race");
        assertAll(
                () -> assertEquals(TaskStatus.COMPILE_ERROR, race.status()),
                () -> assertEquals(0, race.score()),
                () -> assertTrue(race.maxScore() > 0),
                () -> assertTrue(race.message().contains("exercises/race/RaceDemo.java:16: error: ';' expected"),
                        race.message()),
                () -> assertTrue(race.tests().stream().allMatch(t -> t.status() == TestStatus.NOT_RUN)),
                () -> assertEquals(task(grade, "launch").maxScore(), task(grade, "launch").score()));
    }

    /** The racy-counter sample's locks task, graded once for the tests that read it. */
    private static GradeResult racyCounterLocks;

    private GradeResult racyCounterLocks() throws Exception {
        if (racyCounterLocks == null) {
            racyCounterLocks = grade(HIDDEN, SAMPLES.resolve("racy-counter"), true, Set.of(Task.LOCKS));
        }
        return racyCounterLocks;
    }

    private static TestResult test(TaskResult task, String method) {
        return task.tests().stream().filter(t -> t.id().endsWith("." + method)).findFirst().orElseThrow();
    }

    @Test
    void aRacyCounterLosesItsPointsWithLostUpdatesInTheFeedback() throws Exception {
        GradeResult grade = racyCounterLocks();
        TaskResult locks = task(grade, "locks");
        assertEquals(TaskStatus.GRADED, locks.status());
        assertTrue(locks.score() < locks.maxScore());
        assertTrue(locks.tests().stream().filter(t -> t.status() != TestStatus.PASSED)
                .allMatch(t -> t.id().contains("Atomic") || t.name().contains("AtomicCounter")),
                "only AtomicCounter's tests fail:\n" + feedback(locks));
        assertTrue(feedback(locks).contains("lost updates"), feedback(locks));
    }

    @Test
    void stressAndModelCheckedTestsCarryTheirEvidenceIntoResultJsonAndTheReport(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve(ResultJson.FILE), ResultJson.render(racyCounterLocks()));
        GradeResult saved = ResultJson.read(out.resolve(ResultJson.FILE));
        TaskResult locks = task(saved, "locks");
        Evidence.Budget stress = new Evidence.Budget(HiddenLimits.STRESS.maxRepetitions(),
                HiddenLimits.STRESS.maxTime().toMillis(), HiddenLimits.STRESS.repetitionDeadline().toMillis());

        TestResult passed = test(locks, "synchronizedCounterIsExact");
        assertEquals(TestStatus.PASSED, passed.status());
        Evidence evidence = passed.evidence();
        assertEquals(Runtime.getRuntime().availableProcessors(), evidence.cores());
        assertTrue(evidence.jdk().startsWith(saved.environment().get("test_java_version")), evidence.jdk());
        Evidence.Stress own = evidence.stress().get(0);
        assertFalse(own.canary());
        assertEquals(CounterScenarios.LOST_UPDATES, own.concept());
        assertEquals(stress, own.budget());
        assertEquals(StressMatrix.DEFAULT_THREAD_COUNTS, own.threadCounts().stream().map(Evidence.Runs::threads).toList());
        assertTrue(own.threadCounts().stream().allMatch(r -> r.runs() > 0 && r.wrong() == 0), own.toString());
        assertTrue(evidence.stress().stream().anyMatch(r -> r.canary()
                && r.threadCounts().stream().anyMatch(c -> c.wrong() > 0)), "a caught canary: " + evidence);

        TestResult failed = test(locks, "atomicCounterIsExact");
        assertEquals(TestStatus.FAILED, failed.status());
        assertTrue(failed.evidence().stress().get(0).threadCounts().stream().anyMatch(r -> r.wrong() > 0),
                failed.evidence().toString());

        Evidence.ModelChecking checked = test(locks, "synchronizedCounterInEveryInterleaving").evidence()
                .modelChecks().get(0);
        boolean modelChecking = saved.environment().get("model_checking").startsWith("on");
        if (modelChecking) {
            assertTrue(checked.tool().startsWith("Lincheck "), checked.toString());
            assertTrue(checked.interleavings() > 0, checked.toString());
        } else {
            assertEquals("", checked.tool());
            assertTrue(checked.plainRuns() > 0, checked.toString());
        }
        assertFalse(checked.failed());
        TestResult racy = test(locks, "atomicCounterInEveryInterleaving");
        Evidence.ModelChecking racyCheck = racy.evidence().modelChecks().get(0);
        // Model checking finds the racy AtomicCounter every time; plain runs (JDK 25) may or may not: either way the
        // evidence must agree with the verdict.
        assertEquals(racy.status() != TestStatus.PASSED, racyCheck.failed(), racy + " / " + racyCheck);
        if (modelChecking) {
            assertTrue(racyCheck.failed(), racyCheck.toString());
        }
        assertNull(test(locks, "keepsIdAndBalanceAndChecksThem").evidence(), "a test without stress has no evidence");

        String md = MarkdownReport.render(saved);
        assertTrue(md.contains("SynchronizedCounter loses no update with 1 to 16 threads incrementing at once (4 / 4)\n"
                + "  evidence: JDK "), md);
    }

    @Test
    void aDeadlockingBankIsNamedWithBothThreadsAndBothLocks() throws Exception {
        GradeResult grade = grade(HIDDEN, SAMPLES.resolve("deadlock-bank"), true, Set.of(Task.LOCKS));
        TaskResult locks = task(grade, "locks");
        String feedback = feedback(locks);
        assertTrue(locks.score() < locks.maxScore());
        assertTrue(feedback.contains("deadlock"), feedback);
        assertTrue(feedback.matches("(?s).*\"[^\"]+\" holds [^;]+ and waits for [^;]+; \"[^\"]+\" holds .*"),
                "a cycle of two threads, each holding one lock and waiting for the other:\n" + feedback);
    }

    @Test
    void aHangIsReportedAsATimeoutWithWhatTheThreadsWereDoing() throws Exception {
        RunLimits tight = RunLimits.defaults().withTestTimeout(Duration.ofSeconds(3))
                .withWallClock(Duration.ofSeconds(8));
        GradeResult grade = grade(HIDDEN, SUBMISSIONS.resolve("hang"), true, Set.of(Task.LAUNCH), tight);
        TaskResult launch = task(grade, "launch");
        assertEquals(TaskStatus.TIMEOUT, launch.status(), feedback(launch));
        assertEquals(0, launch.score());
        assertTrue(launch.message().contains("did not finish within 8 s"), launch.message());
        assertTrue(feedback(launch).contains("exercises.launch.Launcher.runAll"), feedback(launch));
        assertTrue(launch.tests().stream().anyMatch(t -> t.status() == TestStatus.TIMEOUT), feedback(launch));
    }

    @Test
    @JdkNeutral
    void runningOutOfMemoryCrashesTheTaskAndNothingElse() throws Exception {
        GradeResult grade = grade(HIDDEN, SUBMISSIONS.resolve("oom"), true, Set.of());
        TaskResult race = task(grade, "race");
        assertEquals(TaskStatus.CRASHED, race.status(), feedback(race));
        for (String other : new String[] {"launch", "locks"}) {
            TaskResult task = task(grade, other);
            assertEquals(task.maxScore(), task.score(), other + " (the reference's):\n" + feedback(task));
        }
        assertEquals("3", grade.environment().get("test_jvms"), "the shared JVM, then race and locks alone");
        assertTrue(grade.environment().get("test_jvms_why").contains("task race stopped the test JVM"),
                grade.environment().toString());
        assertTrue(race.message().contains("ran out of memory"), race.message());
        assertTrue(race.tests().stream().noneMatch(t -> t.status() == TestStatus.PASSED
                && t.name().contains("UnsafeCounter") && t.name().contains("lose")), feedback(race));
    }

    @Test
    void systemExitThroughAMethodReferenceIsStoppedBeforeAnythingRuns() throws Exception {
        GradeResult grade = grade(HIDDEN, SUBMISSIONS.resolve("exits"), true, Set.of(Task.LOCKS));
        TaskResult locks = task(grade, "locks");
        assertEquals(TaskStatus.RULE_VIOLATION, locks.status());
        assertEquals(0, locks.score());
        assertTrue(locks.message().contains("exercises/locks/AtomicCounter.java:"), locks.message());
        assertTrue(locks.message().contains("System.exit"), locks.message());
    }

    @Test
    void aFolderWithoutSourcesIsGradedAsACompileErrorOfEveryTask(@TempDir Path empty) throws Exception {
        GradeResult grade = grade(PUBLIC, empty, false, Set.of());
        assertEquals(0, grade.score());
        assertTrue(grade.tasks().stream().allMatch(t -> t.status() == TaskStatus.COMPILE_ERROR));
        assertTrue(grade.tasks().get(0).message().contains("exercises"), grade.tasks().get(0).message());
    }
}
