package exercises;

/**
 * A counter that several threads share: {@link #increment()} adds one, {@link #get()} reads the count.
 *
 * <p>Given with the assignment: do not edit it. The tasks write different implementations of it, from the broken
 * {@code UnsafeCounter} to the correct counters of the task {@code locks}.
 */
public interface Counter {

    /** Adds one to the count. */
    void increment();

    /** The current count: every {@link #increment()} that has completed, in any thread. */
    long get();
}
