package lockstep.model;

import java.util.Objects;

/**
 * One graded test's outcome.
 *
 * @param id       stable id, {@code Class.method}
 * @param name     the line a student reads (the test's display name)
 * @param score    points earned: {@code maxScore} when passed, else 0
 * @param maxScore the points the test is worth
 * @param status   what the test found
 * @param message  feedback for the student; empty when passed
 * @param evidence   what the test's stress runs and model checks did, whatever the status; {@code null} where it ran
 *                   none (or never reported)
 * @param durationMs how long the test ran, in milliseconds, from its start to its result as the grader saw them (or
 *                   to the stop of a test JVM that timed out or crashed while it ran); {@code null} where it never
 *                   started (and in a result.json written before tests were timed)
 */
public record TestResult(String id, String name, int score, int maxScore, TestStatus status, String message,
                         Evidence evidence, Long durationMs) {

    public TestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        if (score != (status == TestStatus.PASSED ? maxScore : 0)) {
            throw new IllegalArgumentException("score " + score + " does not match status " + status + " of " + id);
        }
        if (durationMs != null && durationMs < 0) {
            throw new IllegalArgumentException("negative duration " + durationMs + " ms of " + id);
        }
    }

    /** A test that ran and found {@code status}; the score follows from it. No evidence, no duration. */
    public static TestResult of(String id, String name, int maxScore, TestStatus status, String message) {
        return new TestResult(id, name, status == TestStatus.PASSED ? maxScore : 0, maxScore, status, message, null,
                null);
    }

    /** This test with {@code evidence} ({@code null} for none). */
    public TestResult withEvidence(Evidence evidence) {
        return new TestResult(id, name, score, maxScore, status, message, evidence, durationMs);
    }

    /** This test with {@code durationMs} ({@code null} where unknown). */
    public TestResult withDuration(Long durationMs) {
        return new TestResult(id, name, score, maxScore, status, message, evidence, durationMs);
    }

    /** This test, marked as not run for {@code reason}. */
    public TestResult notRun(String reason) {
        return of(id, name, maxScore, TestStatus.NOT_RUN, reason);
    }

    /** The first line of the message, for one-line summaries. */
    public String firstLine() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * The message without its {@code evidence: ...} lines where the test carries its evidence: a failing stress test
     * puts the evidence into its message too (a student running the public tests sees only the message), and a
     * report that shows {@link #evidence()} on its own line would show it twice.
     */
    public String messageWithoutEvidence() {
        if (evidence == null) {
            return message;
        }
        return message.lines().filter(line -> !line.strip().startsWith("evidence: "))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
