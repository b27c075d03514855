package lockstep.model;

import java.util.Locale;

/** Whether a task could be graded at all; kept apart from what its tests found. Worst last. */
public enum TaskStatus {
    /** Compiled, passed the sandbox gate, and its tests ran to an end (whatever they found). */
    GRADED,
    /** Its sources did not compile; nothing ran. */
    COMPILE_ERROR,
    /** It broke a sandbox rule; nothing ran. */
    RULE_VIOLATION,
    /** The test JVM died before the task's tests finished (System.exit, OutOfMemoryError, a crash). */
    CRASHED,
    /** The task's tests did not finish within the wall-clock limit. */
    TIMEOUT;

    /** The lower-case id used in result.json, such as {@code compile_error}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two statuses (the later in declaration order). */
    public TaskStatus worst(TaskStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
