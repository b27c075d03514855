package lockstep.model;

import java.util.Locale;

/** What one graded test found. Only {@link #PASSED} earns points. */
public enum TestStatus {
    PASSED,
    /** An assertion about the student's code did not hold. */
    FAILED,
    /** The student's code threw where it should not have. */
    ERROR,
    /** The test did not finish in time (a hang or a deadlock). */
    TIMEOUT,
    /** The test never ran or never reported (compile error, rule violation, crashed JVM). */
    NOT_RUN,
    /** The test could not tell on this machine (a known-racy canary was not caught either): never a pass. */
    INCONCLUSIVE;

    /** The lower-case id used in result.json, such as {@code not_run}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
