package exercises.locks;

import exercises.Counter;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus, correct: a fair ReentrantLock (waiting threads get it in arrival order). */
public final class LockedCounter implements Counter {

    private final ReentrantLock lock = new ReentrantLock(true);
    private long count; // guarded by lock

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
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
