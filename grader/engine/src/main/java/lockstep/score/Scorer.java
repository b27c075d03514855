package lockstep.score;

import java.util.List;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.run.RunRecord;
import lockstep.suite.GradedTest;

/**
 * Scores a task: a pure function of the suite's declarations and what the test JVM reported. A test earns its
 * points only if it reported a pass over the authenticated channel; a test that never reported is not a pass. A
 * reported test keeps the evidence it sent with its outcome.
 */
public final class Scorer {

    private Scorer() {
    }

    /** A task that never ran (it did not compile or broke a sandbox rule): every test not run, zero points. */
    public static TaskResult notRun(String task, TaskStatus status, String message, List<GradedTest> tests) {
        String reason = switch (status) {
            case COMPILE_ERROR -> "not run: the code of task " + task + " does not compile";
            case RULE_VIOLATION -> "not run: the code of task " + task + " breaks a sandbox rule";
            default -> "not run";
        };
        return TaskResult.of(task, status, message, tests.stream()
                .map(test -> TestResult.of(test.id(), test.displayName(), test.points(), TestStatus.NOT_RUN, reason))
                .toList());
    }

    /** A task whose tests ran in a test JVM, scored from its run record. */
    public static TaskResult score(String task, List<GradedTest> tests, RunRecord run) {
        TaskStatus status = switch (run.ending()) {
            case COMPLETED -> TaskStatus.GRADED;
            case CRASHED -> TaskStatus.CRASHED;
            case TIMED_OUT -> TaskStatus.TIMEOUT;
        };
        List<TestResult> results = tests.stream().map(test -> result(test, run)).toList();
        return TaskResult.of(task, status, run.diagnosis(), results);
    }

    private static TestResult result(GradedTest test, RunRecord run) {
        RunRecord.Outcome outcome = run.outcomes().get(test.key());
        if (outcome != null) {
            return TestResult.of(test.id(), test.displayName(), test.points(), outcome.status(), outcome.message())
                    .withEvidence(outcome.evidence()).withDuration(outcome.durationMs());
        }
        if (test.key().equals(run.running())) {
            TestStatus status = run.ending() == RunRecord.Ending.TIMED_OUT ? TestStatus.TIMEOUT : TestStatus.ERROR;
            return TestResult.of(test.id(), test.displayName(), test.points(), status,
                    "this test was running when " + run.diagnosis()).withDuration(run.runningMs());
        }
        String reason = switch (run.ending()) {
            case COMPLETED -> "not run: the test reported no result";
            case CRASHED -> "not run: the test JVM stopped before this test (" + firstLine(run.diagnosis()) + ")";
            case TIMED_OUT -> "not run: the task's time ran out before this test";
        };
        return TestResult.of(test.id(), test.displayName(), test.points(), TestStatus.NOT_RUN, reason);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
