package exercises.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import exercises.Counter;
import exercises.TestThreads;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/**
 * Task {@code locks}: the three correct counters count exactly under contention. Each round, several threads released
 * together increment one counter while one more thread keeps reading it: the count must never go backwards and must
 * end exact.
 */
class CountersTest {

    private static final int[] THREAD_COUNTS = {1, 2, 4, 8};
    private static final int PER_THREAD = 10_000;
    private static final int ROUNDS = 10;

    @Graded(task = "locks", points = 2)
    @DisplayName("SynchronizedCounter counts exactly with 1, 2, 4 and 8 threads")
    void synchronizedCounterIsExact() throws Exception {
        assertExact("SynchronizedCounter", SynchronizedCounter::new);
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("LockedCounter counts exactly with 1, 2, 4 and 8 threads")
    void lockedCounterIsExact() throws Exception {
        assertExact("LockedCounter", LockedCounter::new);
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("AtomicCounter counts exactly with 1, 2, 4 and 8 threads")
    void atomicCounterIsExact() throws Exception {
        assertExact("AtomicCounter", AtomicCounter::new);
    }

    private static void assertExact(String name, Supplier<Counter> newCounter) throws Exception {
        for (int threads : THREAD_COUNTS) {
            long expected = (long) threads * PER_THREAD;
            for (int round = 1; round <= ROUNDS; round++) {
                Counter counter = newCounter.get();
                AtomicInteger stillIncrementing = new AtomicInteger(threads);
                String when = "with " + threads + " thread(s), round " + round + " of " + ROUNDS;

                TestThreads.runTogether(name + " test", threads + 1, index -> {
                    if (index < threads) {
                        try {
                            for (int i = 0; i < PER_THREAD; i++) {
                                counter.increment();
                            }
                        } finally {
                            stillIncrementing.decrementAndGet();
                        }
                    } else {
                        readWhileOthersIncrement(counter, stillIncrementing, expected, name + " " + when);
                    }
                });

                long counted = counter.get();
                assertEquals(expected, counted, () -> name + " lost updates " + when + ": " + threads + " x "
                        + PER_THREAD + " increments should count " + expected + ", but get() returned " + counted
                        + " (" + (expected - counted) + " lost)");
            }
        }
    }

    /** Reads the counter until the incrementing threads are done: the count only grows, up to {@code expected}. */
    private static void readWhileOthersIncrement(Counter counter, AtomicInteger stillIncrementing, long expected,
            String when) {
        long last = 0;
        do {
            long seen = counter.get();
            if (seen < last) {
                fail(when + ": get() went backwards from " + last + " to " + seen + " while other threads"
                        + " incremented");
            }
            if (seen > expected) {
                fail(when + ": get() returned " + seen + ", more than the " + expected + " increments made");
            }
            last = seen;
        } while (stillIncrementing.get() > 0);
    }
}
