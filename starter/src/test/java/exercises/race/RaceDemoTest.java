package exercises.race;

import static exercises.ArgumentChecks.assertRejected;
import static exercises.TestThreads.LIMIT;
import static exercises.TestThreads.MEETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumingThat;

import exercises.TestThreads;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code race}: {@link RaceDemo#run} lets threads increment one counter at once; lostUpdates shows the race. */
class RaceDemoTest {

    @Graded(task = "race", points = 2)
    @DisplayName("run calls increment() perThread times on each of its threads and returns the count (1, 4 threads)")
    void runCountsEveryIncrement() throws Exception {
        int perThread = 2_500;
        for (int threads : new int[] {1, 4}) {
            RecordingCounter counter = new RecordingCounter();
            AtomicReference<Thread> caller = new AtomicReference<>();
            String call = "RaceDemo.run(counter, " + threads + ", " + perThread + ")";

            long returned = TestThreads.callWithin(call, LIMIT, () -> {
                caller.set(Thread.currentThread());
                return RaceDemo.run(counter, threads, perThread);
            });

            Map<Thread, Long> calls = counter.callsByThread();
            assertFalse(calls.containsKey(caller.get()), call + " called increment() on the thread that called run:"
                    + " start new threads and let them do the counting");
            assertEquals(threads, calls.size(), call + " called increment() from " + calls.size() + " threads,"
                    + " expected " + threads);
            for (Map.Entry<Thread, Long> entry : calls.entrySet()) {
                assertEquals(perThread, entry.getValue(), call + ": thread '" + entry.getKey().getName()
                        + "' called increment() " + entry.getValue() + " times, expected " + perThread);
            }
            assertEquals((long) threads * perThread, returned, call + " returned " + returned + ", expected"
                    + " counter.get() = " + counter.get() + " after joining every thread");
        }
    }

    @Graded(task = "race", points = 2)
    @DisplayName("run releases its threads together, so that they all increment at the same time")
    void runLetsAllThreadsIncrementAtTheSameTime() throws Exception {
        int threads = 4;
        int perThread = 1_000;
        MeetingCounter counter = new MeetingCounter(threads);
        String call = "RaceDemo.run(counter, " + threads + ", " + perThread + ")";

        long returned = TestThreads.callWithin(call, LIMIT, () -> RaceDemo.run(counter, threads, perThread));

        assertEquals(0, counter.missed(), () -> call + ": the " + threads + " threads were never all in increment()"
                + " at the same time; " + counter.missed() + " of them waited " + MEETING.toSeconds() + " s for the"
                + " others in vain. Start every thread before joining any, and release them together through a"
                + " start gate (a CountDownLatch)");
        assertEquals((long) threads * perThread, returned, call + " returned " + returned + ", expected "
                + (long) threads * perThread);
    }

    @Graded(task = "race", points = 1)
    @DisplayName("run rejects fewer than one thread or a negative count, and accepts zero increments")
    void runChecksItsArguments() throws Exception {
        RecordingCounter counter = new RecordingCounter();
        long none = TestThreads.callWithin("RaceDemo.run(counter, 2, 0)", LIMIT, () -> RaceDemo.run(counter, 2, 0));
        assertEquals(0, none, "RaceDemo.run(counter, 2, 0) returned " + none + ", expected 0: nobody increments");
        assertRejected("RaceDemo.run(counter, 0, 10)", () -> RaceDemo.run(counter, 0, 10));
        assertRejected("RaceDemo.run(counter, -1, 10)", () -> RaceDemo.run(counter, -1, 10));
        assertRejected("RaceDemo.run(counter, 2, -1)", () -> RaceDemo.run(counter, 2, -1));
    }

    @Graded(task = "race", points = 2)
    @DisplayName("lostUpdates shows the race: 4 threads on one UnsafeCounter lose updates")
    void lostUpdatesSeesTheRace() throws Exception {
        int threads = 4;
        int perThread = 1_000_000;
        int attempts = 100;
        long total = (long) threads * perThread;
        String call = "RaceDemo.lostUpdates(" + threads + ", " + perThread + ", " + attempts + ")";
        // First let run() count with two other Counter classes. Where the JIT has only ever seen UnsafeCounter at
        // run's counter.increment() call, it may turn each thread's whole loop into a single add: the threads then
        // finish in nanoseconds, never overlap, and lose nothing. With several classes seen there, every increment
        // stays a real read, add and write, as in the story.
        for (int round = 0; round < 3; round++) {
            TestThreads.callWithin("RaceDemo.run(counter, 2, 50000)", LIMIT,
                    () -> RaceDemo.run(new RecordingCounter(), 2, 50_000));
            TestThreads.callWithin("RaceDemo.run(counter, 2, 50000)", LIMIT,
                    () -> RaceDemo.run(new SynchronizedCounting(), 2, 50_000));
        }

        long lost = TestThreads.callWithin(call, LIMIT, () -> RaceDemo.lostUpdates(threads, perThread, attempts));

        assertTrue(lost >= 0 && lost < total, call + " returned " + lost + ", but it can only lose between 0 and "
                + (total - 1) + " of " + total + " increments: return threads * perThread - result");
        // With a single processor the threads take turns and may never be preempted inside count++: no lost
        // update is then no mistake. With two or more they run truly at once, and 100 attempts always lose some.
        assumingThat(Runtime.getRuntime().availableProcessors() >= 2, () -> assertTrue(lost > 0, call
                + " returned 0: in " + attempts + " attempts of " + threads + " threads x " + perThread
                + " increments no update was lost. Is UnsafeCounter unsynchronized, and do run's threads overlap?"));
    }

    @Graded(task = "race", points = 1)
    @DisplayName("lostUpdates returns 0 with one thread: a thread alone loses nothing")
    void lostUpdatesIsZeroOnOneThread() throws Exception {
        String call = "RaceDemo.lostUpdates(1, 100000, 3)";

        long lost = TestThreads.callWithin(call, LIMIT, () -> RaceDemo.lostUpdates(1, 100_000, 3));

        assertEquals(0, lost, call + " returned " + lost + ", expected 0: one thread counts right");
    }

    /** A correct counter of the test's own, so that run() has seen more than one kind of counter. */
    private static final class SynchronizedCounting implements exercises.Counter {
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
