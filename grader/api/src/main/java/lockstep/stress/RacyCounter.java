package lockstep.stress;

/**
 * The broken counter of the story, kept as a canary: {@code count++} with no lock and no atomic operation, so
 * concurrent increments get lost. A stress run that cannot catch it cannot vouch for a counter under test either.
 * Not thread-safe, on purpose.
 *
 * <p>The field is {@code volatile} only so that the JIT cannot fold a loop of increments into one add (which would
 * make the canary's sensitivity depend on inlining decisions); {@code count++} on it is still a read, an add and a
 * write, as racy as ever.
 */
public final class RacyCounter {

    private volatile long count;

    /** Adds one: a read, an add and a write, not atomic. */
    @SuppressWarnings("NonAtomicOperationOnVolatileField") // the race is the point
    public void increment() {
        count++;
    }

    /** The count. */
    public long get() {
        return count;
    }
}
