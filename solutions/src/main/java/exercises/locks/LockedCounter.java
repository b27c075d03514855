package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Task {@code locks}, reference: a counter guarded by a {@link ReentrantLock}. Thread-safe. */
public final class LockedCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long count; // guarded by lock

    @Override
    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            // In finally: where the critical section throws, the lock is still released, or every other thread
            // would wait for it forever.
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
