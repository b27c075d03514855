package lockstep.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lockstep.stress.Outcome;
import lockstep.stress.Scenario;

/**
 * The detection benchmark's visibility patterns: one thread writes (raises a stop flag, or increments a counter), the
 * others poll a field until they see the write. Read without volatile or a lock, nothing obliges the reader to read
 * the field again, and once the JIT has compiled the polling loop it reads the field once, before the loop, and never
 * sees the write: the reader polls until its bound runs out. The stress scenario catches that as a stale read (a
 * reader that never saw the write) long before the repetition's deadline; a reader that still hangs meets the
 * deadline and the hang diagnosis.
 *
 * <p>Each implementation polls itself, so that the JIT compiles each polling loop for one class only, as a student's
 * class is alone in its grading JVM (a loop shared by the buggy and the correct classes would call them through a
 * type check the JIT may not hoist the read past).
 */
final class VisibilityPatterns {

    /** The concept a reader that never sees another thread's write shows. */
    static final String CONCEPT = "visibility: a write another thread never saw";

    /**
     * How often a reader polls at most, counted from the moment the writer is about to write. A compiled polling loop
     * on a volatile field polls in well under a nanosecond (JDK 17 here: 500 million polls in 80 ms), so this is most
     * of a second of polling: a correct reader sees the write as soon as the writer gets a core again, even on a
     * loaded machine. A compiled buggy loop, with the read hoisted out of it, ends at once on JDK 17 (the JIT removes
     * the empty loop), and within about 1.5 s where it does not.
     */
    static final long MOST_POLLS = 5_000_000_000L;

    /** How long the writer waits after the go before it writes: the readers get into their polling loops first. */
    private static final long WRITER_DELAY_NANOS = 50_000;

    /** How long the writer waits at most for every reader to be ready, and a reader for the writer's go. */
    private static final long READY_NANOS = 1_000_000_000L;

    /** The increments the counter patterns publish. */
    private static final int INCREMENTS = 1_000;

    private VisibilityPatterns() {
    }

    /** Something one thread publishes and other threads poll for. */
    interface Published {
        /** The write, on the writer's thread. */
        void publish();

        /** Polls up to {@code polls} times for the write; whether it was seen. */
        boolean seenWithin(long polls);
    }

    static DetectionBenchmark.Pattern plainStopFlag() {
        return pattern("visibility: a stop flag in a plain field", true, () -> new PlainFlag());
    }

    static DetectionBenchmark.Pattern unlockedGet() {
        return pattern("visibility: synchronized increment, get() without the lock", true, () -> new UnlockedGet());
    }

    static DetectionBenchmark.Pattern volatileStopFlag() {
        return pattern("correct: a volatile stop flag (visibility)", false, () -> new VolatileFlag());
    }

    static DetectionBenchmark.Pattern lockedGet() {
        return pattern("correct: increment and get() synchronized (visibility)", false, () -> new LockedGet());
    }

    private static DetectionBenchmark.Pattern pattern(String name, boolean buggy, Supplier<Published> create) {
        return new DetectionBenchmark.Pattern(name, buggy, () -> scenario(create), () -> naive(create));
    }

    /** The state of one repetition: thread 0 writes, every other thread reads. */
    private static final class Round {
        final Published published;
        final int readers;
        final AtomicInteger ready = new AtomicInteger();
        final boolean[] seen;
        volatile boolean go;

        Round(Published published, int threads) {
            this.published = published;
            this.readers = threads - 1;
            this.seen = new boolean[threads];
        }
    }

    /**
     * Thread 0 waits until every reader is ready, gives the go, lets them poll a little, then writes; every other
     * thread starts polling for the write at the go (so that a reader's polls are not spent while the writer waits for
     * a slow reader to start). Right where every reader saw the write. With one thread there is no reader.
     */
    static Scenario<?> scenario(Supplier<Published> create) {
        return Scenario.of(CONCEPT, threads -> new Round(create.get(), threads),
                (round, index) -> {
                    if (index == 0) {
                        write(round);
                    } else {
                        round.ready.incrementAndGet();
                        long start = System.nanoTime();
                        while (!round.go && System.nanoTime() - start < READY_NANOS) {
                            Thread.onSpinWait();
                        }
                        round.seen[index] = round.published.seenWithin(MOST_POLLS);
                    }
                },
                (round, threads) -> {
                    for (int reader = 1; reader < threads; reader++) {
                        if (!round.seen[reader]) {
                            return Outcome.wrong("every reader sees what another thread wrote",
                                    "reader " + reader + " polled " + MOST_POLLS + " times and never saw the write");
                        }
                    }
                    return Outcome.right();
                });
    }

    private static void write(Round round) {
        long start = System.nanoTime();
        while (round.ready.get() < round.readers && System.nanoTime() - start < READY_NANOS) {
            Thread.onSpinWait();
        }
        round.go = true;
        long given = System.nanoTime();
        while (System.nanoTime() - given < WRITER_DELAY_NANOS) {
            Thread.onSpinWait();
        }
        round.published.publish();
    }

    /** The naive baseline: a reader started, then a writer, no gate; true when the reader did not see the write. */
    private static boolean naive(Supplier<Published> create) throws InterruptedException {
        Published published = create.get();
        boolean[] seen = new boolean[1];
        Thread reader = new Thread(() -> seen[0] = published.seenWithin(MOST_POLLS));
        Thread writer = new Thread(published::publish);
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
        writer.join(2_000);
        reader.join(2_000);
        return reader.isAlive() || !seen[0];
    }

    /** Buggy: the flag is a plain field. */
    static final class PlainFlag implements Published {
        private boolean raised;

        @Override
        public void publish() {
            raised = true;
        }

        @Override
        public boolean seenWithin(long polls) {
            for (long poll = 0; poll < polls; poll++) {
                if (raised) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Correct: the flag is volatile, so every poll reads it again. */
    static final class VolatileFlag implements Published {
        private volatile boolean raised;

        @Override
        public void publish() {
            raised = true;
        }

        @Override
        public boolean seenWithin(long polls) {
            for (long poll = 0; poll < polls; poll++) {
                if (raised) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Buggy: increments hold the lock, but get() reads the count without it. */
    static final class UnlockedGet implements Published {
        private long count;

        synchronized void increment() {
            count++;
        }

        long get() {
            return count;
        }

        @Override
        public void publish() {
            for (int i = 0; i < INCREMENTS; i++) {
                increment();
            }
        }

        @Override
        public boolean seenWithin(long polls) {
            for (long poll = 0; poll < polls; poll++) {
                if (get() == INCREMENTS) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Correct: get() takes the same lock as increment(). */
    static final class LockedGet implements Published {
        private long count;

        synchronized void increment() {
            count++;
        }

        synchronized long get() {
            return count;
        }

        @Override
        public void publish() {
            for (int i = 0; i < INCREMENTS; i++) {
                increment();
            }
        }

        @Override
        public boolean seenWithin(long polls) {
            for (long poll = 0; poll < polls; poll++) {
                if (get() == INCREMENTS) {
                    return true;
                }
            }
            return false;
        }
    }
}
