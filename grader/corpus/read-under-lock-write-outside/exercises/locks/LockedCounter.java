package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus: the read is guarded, the write is not. */
public final class LockedCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long count;

    @Override
    public void increment() {
        long seen;
        lock.lock();
        try {
            seen = count;
        } finally {
            lock.unlock();
        }
        count = seen + 1; // BUG: written outside the lock, from a value another thread may have replaced
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
