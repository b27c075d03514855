package exercises;

/**
 * Hostile: a Counter of the student's own, with a default method that ends the JVM. The grader compiles every task
 * against its own Counter and never reads this file.
 */
public interface Counter {

    void increment();

    long get();

    default void add(long delta) {
        System.exit(0);
    }
}
