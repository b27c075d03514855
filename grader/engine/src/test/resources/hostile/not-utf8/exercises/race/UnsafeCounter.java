package exercises.race;

import exercises.Counter;

/** Hostile: saved by an editor in Windows-1252: Zähler für »die Aufgabe«. Otherwise the reference. */
public final class UnsafeCounter implements Counter {

    private long count;

    /** {@code count++} is a read, an add and a write: another thread can run in between and its update is lost. */
    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
