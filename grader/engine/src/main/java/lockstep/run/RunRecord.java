package lockstep.run;

import java.util.Map;
import lockstep.model.Evidence;
import lockstep.model.TestStatus;

/**
 * What one task's test JVM reported, and how it ended. Only authenticated channel messages are in {@link #outcomes}.
 *
 * @param ending     how the JVM ended
 * @param outcomes   per test key ({@code class#method}): the reported outcome
 * @param running    the key of the test that had started but not finished when the JVM ended, or empty
 * @param diagnosis  why the JVM ended early, in a student's words (empty when it completed), with a thread dump
 *                   summary where one was taken
 * @param output     the captured output of the test JVM, bounded
 * @param runningMs  how long the {@code running} test had run when the JVM ended or was stopped; {@code null} where
 *                   no test was running or its start was not seen
 */
public record RunRecord(Ending ending, Map<String, Outcome> outcomes, String running, String diagnosis,
                        String output, Long runningMs) {

    public RunRecord {
        outcomes = Map.copyOf(outcomes);
    }

    /** A record without the running test's time. */
    public RunRecord(Ending ending, Map<String, Outcome> outcomes, String running, String diagnosis, String output) {
        this(ending, outcomes, running, diagnosis, output, null);
    }

    /** How the test JVM ended. */
    public enum Ending {
        /** Every selected test reported and the JVM said it was done. */
        COMPLETED,
        /** The JVM exited before it was done. */
        CRASHED,
        /** The JVM was still running at the wall-clock limit and was killed. */
        TIMED_OUT
    }

    /**
     * One test's reported outcome.
     *
     * @param status     what the test found
     * @param message    its message
     * @param evidence   what its stress runs and model checks did; {@code null} where it recorded none
     * @param durationMs how long it ran, from its start to its outcome as the grader received them; {@code null} where
     *                   its start was not seen
     */
    public record Outcome(TestStatus status, String message, Evidence evidence, Long durationMs) {

        /** An outcome without evidence or duration. */
        public Outcome(TestStatus status, String message) {
            this(status, message, null, null);
        }

        /** An outcome without duration. */
        public Outcome(TestStatus status, String message, Evidence evidence) {
            this(status, message, evidence, null);
        }
    }
}
