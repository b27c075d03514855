package lockstep.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import lockstep.model.Evidence;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestStatus;
import lockstep.run.RunRecord;
import lockstep.run.RunRecord.Outcome;
import lockstep.suite.GradedTest;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private final List<GradedTest> tests = List.of(
            new GradedTest("s.ATest", "one", "race", 2, "first"),
            new GradedTest("s.ATest", "two", "race", 3, "second"),
            new GradedTest("s.ATest", "three", "race", 5, "third"));

    @Test
    void aTaskScoresTheSumOfItsPassedTests() {
        RunRecord run = new RunRecord(RunRecord.Ending.COMPLETED, Map.of(
                "s.ATest#one", new Outcome(TestStatus.PASSED, ""),
                "s.ATest#two", new Outcome(TestStatus.FAILED, "lost updates"),
                "s.ATest#three", new Outcome(TestStatus.PASSED, "")), "", "", "");
        TaskResult task = Scorer.score("race", tests, run);
        assertEquals(TaskStatus.GRADED, task.status());
        assertEquals(7, task.score());
        assertEquals(10, task.maxScore());
        assertEquals("lost updates", task.tests().get(1).message());
    }

    @Test
    void aReportedTestKeepsItsEvidenceWhateverItsStatus() {
        Evidence evidence = new Evidence("17.0.15", 2, List.of(new Evidence.Stress("lost updates", false,
                new Evidence.Budget(200, 200, 5_000), List.of(new Evidence.Runs(2, 200, 0)))), List.of(), 0);
        RunRecord run = new RunRecord(RunRecord.Ending.COMPLETED, Map.of(
                "s.ATest#one", new Outcome(TestStatus.PASSED, "", evidence),
                "s.ATest#two", new Outcome(TestStatus.INCONCLUSIVE, "canary not caught", evidence),
                "s.ATest#three", new Outcome(TestStatus.PASSED, "")), "", "", "");
        TaskResult task = Scorer.score("race", tests, run);
        assertEquals(evidence, task.tests().get(0).evidence());
        assertEquals(evidence, task.tests().get(1).evidence());
        assertNull(task.tests().get(2).evidence());
    }

    @Test
    void eachTestKeepsItsDurationAndTheTestRunningWhenTheJvmWasStoppedHasItsTimeUntilThen() {
        RunRecord run = new RunRecord(RunRecord.Ending.TIMED_OUT, Map.of(
                "s.ATest#one", new Outcome(TestStatus.PASSED, "", null, 120L)), "s.ATest#two", "stopped", "",
                30_004L);
        TaskResult task = Scorer.score("race", tests, run);
        assertEquals(120L, task.tests().get(0).durationMs());
        assertEquals(TestStatus.TIMEOUT, task.tests().get(1).status());
        assertEquals(30_004L, task.tests().get(1).durationMs());
        assertNull(task.tests().get(2).durationMs(), "a test that never started has no duration");
    }

    @Test
    void aTestThatNeverReportedEarnsNothing() {
        RunRecord run = new RunRecord(RunRecord.Ending.CRASHED, Map.of(
                "s.ATest#one", new Outcome(TestStatus.PASSED, "")), "s.ATest#two",
                "the test JVM exited with status 1", "");
        TaskResult task = Scorer.score("race", tests, run);
        assertEquals(TaskStatus.CRASHED, task.status());
        assertEquals(2, task.score());
        assertEquals(TestStatus.ERROR, task.tests().get(1).status());
        assertEquals(TestStatus.NOT_RUN, task.tests().get(2).status());
        assertTrue(task.tests().get(2).message().contains("exited with status 1"));
    }

    @Test
    void theRunningTestOfATimedOutRunIsATimeout() {
        RunRecord run = new RunRecord(RunRecord.Ending.TIMED_OUT, Map.of(), "s.ATest#one", "stopped", "");
        TaskResult task = Scorer.score("race", tests, run);
        assertEquals(TaskStatus.TIMEOUT, task.status());
        assertEquals(TestStatus.TIMEOUT, task.tests().get(0).status());
        assertEquals(0, task.score());
    }

    @Test
    void aTaskThatDidNotCompileKeepsItsMaximumAndScoresZero() {
        TaskResult task = Scorer.notRun("race", TaskStatus.COMPILE_ERROR, "X.java:1: error", tests);
        assertEquals(0, task.score());
        assertEquals(10, task.maxScore());
        assertTrue(task.tests().stream().allMatch(t -> t.status() == TestStatus.NOT_RUN));
        assertTrue(task.tests().get(0).message().contains("does not compile"));
    }
}
