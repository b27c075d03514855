package exercises;

import java.time.Duration;

/**
 * How long a stress test repeats its rounds. A race shows in some rounds only, so a test runs at least
 * {@code minRounds} rounds and then keeps starting new ones until {@code duration} has passed since it began. Correct
 * code passes every round, so the verdict for it does not depend on how many rounds run.
 *
 * @param minRounds rounds that always run
 * @param duration  how long to keep starting rounds after those
 */
public record StressBudget(int minRounds, Duration duration) {

    /** Whether round {@code round} (counted from 1) should run, in a test that began at {@code startNanos}. */
    public boolean allows(int round, long startNanos) {
        return round <= minRounds || System.nanoTime() - startNanos < duration.toNanos();
    }
}
