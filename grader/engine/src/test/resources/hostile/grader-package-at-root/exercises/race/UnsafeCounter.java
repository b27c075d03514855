package exercises.race;

import exercises.Counter;

/** The reference, unchanged but for this line: it sits beside classes in the grader's own packages. */
public final class UnsafeCounter implements Counter {

    private long count;

    /** {@code count++} is a read, an add and a write: another thread can run in between and its update is lost. */
    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
