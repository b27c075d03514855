package exercises.locks;

import exercises.Counter;

/**
 * Task {@code locks}: a counter made correct with Java's intrinsic lock, {@code synchronized}.
 *
 * <p>What to write: keep the count in a {@code long} field and make both methods {@code synchronized} (or put their
 * bodies in {@code synchronized} blocks on one lock object). {@code increment()} then runs as one critical section,
 * and {@code get()} taking the same lock sees every completed increment. The tests count with up to 8 threads and
 * check statically that this class uses {@code synchronized}.
 */
public final class SynchronizedCounter implements Counter {

    /** Adds one to the count, holding the intrinsic lock. */
    @Override
    public void increment() {
        throw new UnsupportedOperationException("Task locks: SynchronizedCounter.increment() is not written yet: "
                + "add one to a long field inside a synchronized method");
    }

    /** The count, read holding the same lock. */
    @Override
    public long get() {
        throw new UnsupportedOperationException("Task locks: SynchronizedCounter.get() is not written yet: "
                + "return the count from a synchronized method");
    }
}
