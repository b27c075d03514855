package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus: increment() locks a lock of its own, made anew on every call. */
public final class LockedCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long count;

    @Override
    public void increment() {
        Lock lock = new ReentrantLock(); // BUG: a new lock per call excludes nobody
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
