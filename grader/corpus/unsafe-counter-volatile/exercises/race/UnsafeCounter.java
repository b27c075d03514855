package exercises.race;

import exercises.Counter;

/** Corpus: the broken counter with a volatile field. */
public final class UnsafeCounter implements Counter {

    private volatile long count; // BUG (rule): no synchronization of any kind, volatile included

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
