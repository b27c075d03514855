package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Corpus: the write takes the shared read lock. */
public final class LockedCounter implements Counter {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long count;

    @Override
    public void increment() {
        Lock shared = lock.readLock(); // BUG: any number of threads hold the read lock at once
        shared.lock();
        try {
            count++;
        } finally {
            shared.unlock();
        }
    }

    @Override
    public long get() {
        Lock shared = lock.readLock();
        shared.lock();
        try {
            return count;
        } finally {
            shared.unlock();
        }
    }
}
