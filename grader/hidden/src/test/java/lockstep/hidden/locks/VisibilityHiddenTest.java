package lockstep.hidden.locks;

import static lockstep.hidden.HiddenLimits.CALL;

import exercises.Counter;
import exercises.locks.AtomicCounter;
import exercises.locks.LockedCounter;
import exercises.locks.SynchronizedCounter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import lockstep.api.Graded;
import lockstep.stress.Watchdog;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

/**
 * Task {@code locks}: {@code get} sees the increments of other threads (visibility, not only atomicity). A reader
 * thread polls {@code get()} in a tight loop, long enough for the JIT to compile it, before a writer thread
 * increments; a {@code get} that reads a plain field without synchronization may then never see the new count.
 */
class VisibilityHiddenTest {

    private static final int INCREMENTS = 1_000;
    /** How often the reader polls at most: seconds of polling even for a slow get(), so never the limit for one. */
    private static final long MOST_POLLS = 2_000_000_000L;
    /** How long the reader polls before the writer starts: enough for the polling loop to get compiled. */
    private static final long WARM_UP_MILLIS = 100;

    /** What the reader saw: the last value (the final count, where get() sees every increment). */
    private static final class Reader implements Runnable {
        private final Counter counter;
        private final CountDownLatch polling = new CountDownLatch(1);
        private volatile long lastSeen = -1;
        private volatile Throwable thrown;

        Reader(Counter counter) {
            this.counter = counter;
        }

        @Override
        public void run() {
            try {
                long seen = counter.get();
                polling.countDown();
                // Nothing but get() in the loop: a get() that reads a plain field may be read once and never again.
                for (long poll = 0; poll < MOST_POLLS && seen < INCREMENTS; poll++) {
                    seen = counter.get();
                }
                lastSeen = seen;
            } catch (Throwable t) { // reported on the test's thread
                thrown = t;
                polling.countDown();
            }
        }
    }

    @Graded(task = "locks", points = 3)
    @DisplayName("get() of each counter sees the final count written by another thread: a reader thread polling get() "
            + "sees it")
    void getSeesOtherThreadsIncrements() throws Exception {
        check("SynchronizedCounter", () -> new SynchronizedCounter());
        check("LockedCounter", () -> new LockedCounter());
        check("AtomicCounter", () -> new AtomicCounter());
    }

    private static void check(String name, Supplier<Counter> create) throws Exception {
        Counter counter = create.get();
        Reader reader = new Reader(counter);
        Thread readerThread = new Thread(reader, "reader");
        readerThread.setDaemon(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                counter.increment();
            }
        }, "writer");
        writer.setDaemon(true);
        Throwable[] writerThrew = new Throwable[1];
        writer.setUncaughtExceptionHandler((t, e) -> writerThrew[0] = e);

        Watchdog.run(name + ": reader and writer", CALL, () -> {
            readerThread.start();
            reader.polling.await();
            TimeUnit.MILLISECONDS.sleep(WARM_UP_MILLIS);
            writer.start();
            writer.join();
            readerThread.join();
        });

        if (reader.thrown != null) {
            throw new AssertionFailedError(name + ".get() threw " + reader.thrown, reader.thrown);
        }
        if (writerThrew[0] != null) {
            throw new AssertionFailedError(name + ".increment() threw " + writerThrew[0], writerThrew[0]);
        }
        if (reader.lastSeen > INCREMENTS) {
            throw new AssertionFailedError(name + ": increments counted that never happened: get() of a new counter"
                    + " returned " + reader.lastSeen + " while another thread made only " + INCREMENTS
                    + " increments: each counter must start at 0 and count only its own increments (a static count"
                    + " is shared by every counter)");
        }
        if (reader.lastSeen != INCREMENTS) {
            throw new AssertionFailedError("visibility: another thread finished " + INCREMENTS + " increments of a "
                    + name + ", but a reader thread polling get() never saw " + INCREMENTS + " (it kept seeing "
                    + reader.lastSeen + "): get() must read the count under the same lock as increment() (or read "
                    + "an atomic or volatile variable)");
        }
    }
}
