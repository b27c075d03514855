package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus: increment() takes the lock, get() does not. */
public final class LockedCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long count;

    @Override
    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long get() {
        return count; // BUG: no lock, so no guarantee to ever see another thread's increments
    }
}
