package exercises.locks;

import exercises.Counter;

/** Corpus, correct: synchronized blocks on a private lock object that no other code can lock. */
public final class SynchronizedCounter implements Counter {

    private final Object lock = new Object();
    private long count; // guarded by lock

    @Override
    public void increment() {
        synchronized (lock) {
            count++;
        }
    }

    @Override
    public long get() {
        synchronized (lock) {
            return count;
        }
    }
}
