package exercises.locks;

import exercises.Counter;

/** Task {@code locks}, reference: a counter guarded by its intrinsic lock. Thread-safe. */
public final class SynchronizedCounter implements Counter {

    private long count; // guarded by this

    @Override
    public synchronized void increment() {
        count++;
    }

    /** Synchronized too: taking the same lock is what makes the latest count visible to this thread. */
    @Override
    public synchronized long get() {
        return count;
    }
}
