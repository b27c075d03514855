package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus: a rare early return between lock() and the try block. */
public final class LockedCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long count;

    @Override
    public void increment() {
        lock.lock();
        if (count == Long.MAX_VALUE) {
            return; // BUG: returns holding the lock; every other thread would wait forever
        }
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
