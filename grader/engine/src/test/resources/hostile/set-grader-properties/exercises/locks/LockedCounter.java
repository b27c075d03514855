package exercises.locks;

import exercises.Counter;
import java.util.Properties;

/**
 * Hostile: a racy counter that switches the grader's model checking off (the hidden tests read the system property
 * lockstep.modelChecking), hoping stress tests alone miss its race: directly, and through the live Properties object.
 */
public final class LockedCounter implements Counter {

    static {
        System.setProperty("lockstep.modelChecking", "false");
        Properties live = System.getProperties();
        live.setProperty("lockstep.modelChecking", "false");
        live.put("junit.jupiter.execution.timeout.default", "1 h");
    }

    private long count;

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
