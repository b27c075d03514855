package exercises.locks;

import exercises.Counter;

/** Corpus: the read and the write each in a critical section of their own. */
public final class SynchronizedCounter implements Counter {

    private long count;

    @Override
    public void increment() {
        long seen;
        synchronized (this) {
            seen = count;
        }
        // BUG: the lock is released between the read and the write; another increment fits in between
        synchronized (this) {
            count = seen + 1;
        }
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
