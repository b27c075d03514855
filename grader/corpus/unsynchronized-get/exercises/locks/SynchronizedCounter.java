package exercises.locks;

import exercises.Counter;

/** Corpus: increment() is synchronized, get() is not. */
public final class SynchronizedCounter implements Counter {

    private long count;

    @Override
    public synchronized void increment() {
        count++;
    }

    @Override
    public long get() {
        return count; // BUG: no lock, so no guarantee to ever see another thread's increments
    }
}
