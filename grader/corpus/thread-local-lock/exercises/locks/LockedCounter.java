package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus: every thread gets a lock of its own. */
public final class LockedCounter implements Counter {

    private final ThreadLocal<Lock> lock = ThreadLocal.withInitial(ReentrantLock::new); // BUG: one lock per thread
    private long count;

    @Override
    public void increment() {
        Lock mine = lock.get();
        mine.lock();
        try {
            count++;
        } finally {
            mine.unlock();
        }
    }

    @Override
    public long get() {
        Lock mine = lock.get();
        mine.lock();
        try {
            return count;
        } finally {
            mine.unlock();
        }
    }
}
