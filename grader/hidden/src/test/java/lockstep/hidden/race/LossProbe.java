package lockstep.hidden.race;

import static lockstep.hidden.HiddenLimits.CALL;
import static lockstep.hidden.HiddenLimits.MEETING;

import exercises.Counter;
import exercises.race.RaceDemo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import lockstep.stress.Rendezvous;
import lockstep.stress.Watchdog;
import org.opentest4j.TestAbortedException;

/**
 * Makes lost updates of an unsynchronized counter visible through {@link RaceDemo#run}, whatever the JIT does, and
 * tells a counter that does not lose updates from a {@code run} that cannot show a race and from a machine on which
 * nothing can.
 *
 * <p>Why the warm-up: where the JIT sees only one counter class at {@code run}'s {@code counter.increment()} call, it
 * inlines {@code count++} into the loop and folds the loop into one add per thread; each thread then finishes in
 * nanoseconds, the threads no longer overlap, and no update is lost (seen on JDK 25 with the reference). Calling
 * {@code run} first with three other counter classes makes that call site megamorphic: every increment stays a real
 * call, a read, an add and a write, and the race shows in about every other run.
 */
final class LossProbe {

    static final int PER_THREAD = 100_000;
    static final int MOST_RUNS = 100;
    static final Duration MOST_TIME = Duration.ofSeconds(3);

    /** How many runs ran, and how many of them lost updates. */
    record Tally(int runs, int lossy) {
    }

    private LossProbe() {
    }

    /** Calls {@code run} with three other correct counter classes, so that its increment() call is megamorphic. */
    static void warmUp() throws Exception {
        for (int round = 0; round < 3; round++) {
            for (Supplier<Counter> create : List.<Supplier<Counter>>of(
                    () -> new RecordingCounter(), () -> new AtomicCounting(), () -> new LockedCounting())) {
                Counter counter = create.get();
                Watchdog.call("RaceDemo.run(counter, 2, 50000)", CALL, () -> RaceDemo.run(counter, 2, 50_000));
            }
        }
    }

    /**
     * Runs {@code run(create.get(), 16 or 8, 100000)} until one run counts less than it should, or the budget ends
     * ({@value #MOST_RUNS} runs or {@link #MOST_TIME}).
     *
     * @throws AssertionError where a run counts more than the increments made
     */
    static Tally untilLoss(String what, Supplier<Counter> create) throws Exception {
        return untilLoss(what, create, MOST_RUNS);
    }

    private static Tally untilLoss(String what, Supplier<Counter> create, int mostRuns) throws Exception {
        int runs = 0;
        long deadline = System.nanoTime() + MOST_TIME.toNanos();
        while (runs < mostRuns && (runs < 2 || System.nanoTime() - deadline < 0)) {
            int threads = runs % 2 == 0 ? 16 : 8;
            long expected = (long) threads * PER_THREAD;
            String call = "RaceDemo.run(" + what + ", " + threads + ", " + PER_THREAD + ")";
            Counter counter = create.get();
            long counted = Watchdog.call(call, CALL, () -> RaceDemo.run(counter, threads, PER_THREAD));
            runs++;
            if (counted > expected) {
                throw new AssertionError(call + " returned " + counted + ", more than the " + expected
                        + " increments made");
            }
            if (counted < expected) {
                return new Tally(runs, 1);
            }
        }
        return new Tally(runs, 0);
    }

    /**
     * Where nothing was lost: aborts the test as inconclusive unless a plain {@code count++} counter loses updates
     * under the same {@code run} here, within as many runs as the code under test had ({@code mostRuns}, at most
     * {@value #MOST_RUNS}); returns normally when it does (so the code under test is at fault).
     */
    static Tally requireVisibleRace(int mostRuns) throws Exception {
        Tally canary = untilLoss("new PlainCounter()", () -> new PlainCounter(), Math.min(mostRuns, MOST_RUNS));
        if (canary.lossy() == 0) {
            requireRunThatCanRace();
            throw new TestAbortedException("inconclusive on this machine: a plain count++ counter lost no update "
                    + "either in " + canary.runs() + " runs of RaceDemo.run(counter, 8 or 16, " + PER_THREAD + ") on "
                    + Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version()
                    + "; regrade on a machine with more cores");
        }
        return canary;
    }

    /**
     * Where not even the canary lost an update: fails where {@code run} itself is why (it returns a count of its own,
     * or its threads never run at the same time), so that a student is not told to blame the machine; returns where
     * {@code run} could show a race and the machine did not.
     */
    private static void requireRunThatCanRace() throws Exception {
        long sentinel = 424_242L;
        Counter fixed = new Counter() {
            @Override
            public void increment() {
            }

            @Override
            public long get() {
                return sentinel;
            }
        };
        long returned = Watchdog.call("RaceDemo.run(counter, 2, 10)", CALL, () -> RaceDemo.run(fixed, 2, 10));
        if (returned != sentinel) {
            throw new AssertionError("no update can be lost here: RaceDemo.run(counter, 2, 10) returned " + returned
                    + " where counter.get() said " + sentinel + ", so run hides what the counter counted; return "
                    + "counter.get() after joining the threads");
        }
        int threads = 8;
        Rendezvous meeting = new Rendezvous(threads, MEETING);
        String call = "RaceDemo.run(counter, " + threads + ", 100)";
        Watchdog.call(call, CALL, () -> RaceDemo.run(new MeetingCounter(meeting), threads, 100));
        if (!meeting.met()) {
            throw new AssertionError("no update can be lost here: " + call + " never had all " + threads + " threads"
                    + " in increment() at the same time (at most " + meeting.mostAtOnce() + "), and a race needs"
                    + " threads that overlap; start every thread before joining any, and release them together"
                    + " through the start gate");
        }
    }

    /** The canary: the broken counter of the story, written here. Not thread-safe, on purpose. */
    static final class PlainCounter implements Counter {
        private long count;

        @Override
        public void increment() {
            count++;
        }

        @Override
        public long get() {
            return count;
        }
    }

    /** A correct counter for the warm-up. Thread-safe. */
    private static final class AtomicCounting implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment() {
            count.incrementAndGet();
        }

        @Override
        public long get() {
            return count.get();
        }
    }

    /** Another correct counter for the warm-up. Thread-safe. */
    private static final class LockedCounting implements Counter {
        private long count;

        @Override
        public synchronized void increment() {
            count++;
        }

        @Override
        public synchronized long get() {
            return count;
        }
    }
}
