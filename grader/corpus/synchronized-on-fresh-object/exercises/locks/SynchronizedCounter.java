package exercises.locks;

import exercises.Counter;

/** Corpus: increment() synchronizes on an object made anew on every call. */
public final class SynchronizedCounter implements Counter {

    private long count;

    @Override
    public void increment() {
        synchronized (new Object()) { // BUG: nobody else can ever lock this object
            count++;
        }
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
