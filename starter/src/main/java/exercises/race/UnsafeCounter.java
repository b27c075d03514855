package exercises.race;

import exercises.Counter;

/**
 * Task {@code race}: the broken counter of the lecture, broken on purpose.
 *
 * <p>What to write: keep the count in a plain {@code long} field and add one with {@code count++}. Use no
 * synchronization of any kind: no {@code synchronized}, no {@code volatile}, no lock, no atomic class. On one thread
 * it counts right (the tests check that); on several threads it loses updates, because {@code count++} is three
 * steps (read, add, write) that other threads can slip in between. {@link RaceDemo} makes that visible.
 */
public final class UnsafeCounter implements Counter {

    /**
     * Adds one to the count with {@code count++}, unsynchronized on purpose.
     */
    @Override
    public void increment() {
        throw new UnsupportedOperationException("Task race: UnsafeCounter.increment() is not written yet: "
                + "add one to a plain long field with count++");
    }

    /**
     * The count: returns the plain {@code long} field.
     */
    @Override
    public long get() {
        throw new UnsupportedOperationException("Task race: UnsafeCounter.get() is not written yet: "
                + "return the plain long field that increment() adds to");
    }
}
