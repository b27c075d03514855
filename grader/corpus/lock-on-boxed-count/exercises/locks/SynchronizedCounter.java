package exercises.locks;

import exercises.Counter;

/** Corpus: the lock is the boxed count itself, a new object after every increment. */
public final class SynchronizedCounter implements Counter {

    private Long count = 0L;

    @Override
    public void increment() {
        synchronized (count) { // BUG: count++ replaces the object locked here, so threads lock different objects
            count++;
        }
    }

    @Override
    public long get() {
        synchronized (count) {
            return count;
        }
    }
}
