package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus: unlock() after the critical section, not in a finally block. */
public final class LockedCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long count;

    @Override
    public void increment() {
        lock.lock();
        count++;
        lock.unlock(); // BUG: an exception above would leave the lock held forever
    }

    @Override
    public long get() {
        lock.lock();
        long seen = count;
        lock.unlock(); // BUG: same here
        return seen;
    }
}
