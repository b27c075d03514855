package exercises.race;

import exercises.Counter;

/** Corpus: the broken counter of the story, "fixed". */
public final class UnsafeCounter implements Counter {

    private long count;

    @Override
    public synchronized void increment() { // BUG (task): UnsafeCounter must stay unsynchronized to show the race
        count++;
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
