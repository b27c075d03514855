package exercises.locks;

import exercises.Counter;

/** Corpus: LockedCounter written with synchronized instead of a Lock. */
public final class LockedCounter implements Counter {

    private long count;

    @Override
    public synchronized void increment() { // BUG (rule): this task asks for a java.util.concurrent.locks.Lock
        count++;
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
