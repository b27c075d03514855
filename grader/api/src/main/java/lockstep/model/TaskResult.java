package lockstep.model;

import java.util.List;
import java.util.Objects;

/**
 * One task's grade: its status, a task-level message (compiler diagnostics, the rule broken, why the JVM died) and
 * its tests. The score is always the sum of the tests' scores.
 */
public record TaskResult(String id, int score, int maxScore, TaskStatus status, String message, List<TestResult> tests) {

    public TaskResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        tests = List.copyOf(tests);
        if (score != tests.stream().mapToInt(TestResult::score).sum()
                || maxScore != tests.stream().mapToInt(TestResult::maxScore).sum()) {
            throw new IllegalArgumentException("task " + id + ": score and max_score must be the sums of its tests");
        }
    }

    /** A task with the given status and tests; score and maximum are summed from the tests. */
    public static TaskResult of(String id, TaskStatus status, String message, List<TestResult> tests) {
        return new TaskResult(id,
                tests.stream().mapToInt(TestResult::score).sum(),
                tests.stream().mapToInt(TestResult::maxScore).sum(),
                status, message, tests);
    }
}
