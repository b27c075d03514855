package exercises;

/** Hostile: a second exercises.Counter, smuggled in through a task folder. */
public interface Counter {

    void increment();

    long get();

    default long reset() {
        return 0;
    }
}
