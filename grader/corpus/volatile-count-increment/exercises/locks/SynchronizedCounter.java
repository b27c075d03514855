package exercises.locks;

import exercises.Counter;

/** Corpus: a volatile count, incremented without a lock. */
public final class SynchronizedCounter implements Counter {

    private volatile long count;

    @Override
    public void increment() {
        count++; // BUG: volatile makes the write visible, not the read-add-write atomic
    }

    @Override
    public long get() {
        return count;
    }
}
