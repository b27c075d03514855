package exercises.locks;

import exercises.Counter;

/** Corpus: instance locks guard a count that all instances share. */
public final class SynchronizedCounter implements Counter {

    private static long count; // BUG: static, shared by every counter, but each counter locks only itself

    @Override
    public synchronized void increment() {
        count++;
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
