package exercises.locks;

import exercises.Counter;

/**
 * Task {@code locks}: a counter made correct with an explicit {@link java.util.concurrent.locks.Lock}.
 *
 * <p>What to write: keep the count in a {@code long} field, next to a
 * {@code private final Lock lock = new ReentrantLock()}.
 * In both methods call {@code lock.lock()}, then do the work in a {@code try} block and call {@code lock.unlock()} in
 * its {@code finally} block, so that the lock is released even when the work throws. Do not use {@code synchronized}
 * here. The tests count with up to 8 threads and check statically that this class locks a {@code Lock}, unlocks it
 * in a {@code finally} block, and is not {@code synchronized}.
 */
public final class LockedCounter implements Counter {

    /** Adds one to the count, holding the lock. */
    @Override
    public void increment() {
        throw new UnsupportedOperationException("Task locks: LockedCounter.increment() is not written yet: "
                + "lock.lock(); try { add one } finally { lock.unlock(); }");
    }

    /** The count, read holding the same lock. */
    @Override
    public long get() {
        throw new UnsupportedOperationException("Task locks: LockedCounter.get() is not written yet: "
                + "lock.lock(); try { return the count } finally { lock.unlock(); }");
    }
}
