package lockstep.hidden.race;

import static lockstep.hidden.Checks.assertRejected;
import static lockstep.hidden.Checks.check;
import static lockstep.hidden.HiddenLimits.CALL;
import static lockstep.hidden.HiddenLimits.HELD_INCREMENT;
import static lockstep.hidden.HiddenLimits.MEETING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exercises.Counter;
import exercises.race.RaceDemo;
import java.util.List;
import java.util.Map;
import lockstep.api.Graded;
import lockstep.stress.Rendezvous;
import lockstep.stress.Watchdog;
import org.junit.jupiter.api.DisplayName;

/** Task {@code race}: {@link RaceDemo#run}, harder than the public tests. */
class RunHiddenTest {

    private static final int[] THREAD_COUNTS = {1, 2, 4, 8, 16};

    private static String call(int threads, int perThread) {
        return "RaceDemo.run(counter, " + threads + ", " + perThread + ")";
    }

    private static long run(Counter counter, int threads, int perThread) throws Exception {
        return Watchdog.call(call(threads, perThread), CALL, () -> RaceDemo.run(counter, threads, perThread));
    }

    @Graded(task = "race", points = 4)
    @DisplayName("run returns the exact count with a correct counter at 1, 2, 4, 8 and 16 threads, each thread of its "
            + "own calling increment() perThread times")
    void exactWithCorrectCounters() throws Exception {
        int perThread = 2_000;
        Thread caller = Thread.currentThread();
        for (int threads : THREAD_COUNTS) {
            for (int repetition = 0; repetition < 3; repetition++) {
                RecordingCounter counter = new RecordingCounter();
                String call = call(threads, perThread);

                long returned = run(counter, threads, perThread);

                Map<Thread, Long> byThread = counter.byThread();
                check(!byThread.containsKey(caller), call + " called increment() on the thread that called run: "
                        + "start new threads and let them do the counting");
                assertEquals(threads, byThread.size(), call + " called increment() from " + byThread.size()
                        + " threads, expected " + threads);
                for (Map.Entry<Thread, Long> entry : byThread.entrySet()) {
                    assertEquals(perThread, entry.getValue(), call + ": thread \"" + entry.getKey().getName()
                            + "\" called increment() " + entry.getValue() + " times, expected " + perThread);
                }
                assertEquals((long) threads * perThread, returned, call + " returned " + returned + " with a correct"
                        + " counter, expected " + (long) threads * perThread);
            }
        }
    }

    @Graded(task = "race", points = 3)
    @DisplayName("run releases its threads together: 2, 4, 8 and 16 threads are all in increment() at the same time")
    void threadsReleasedTogether() throws Exception {
        int perThread = 100;
        for (int threads : new int[] {2, 4, 8, 16}) {
            Rendezvous meeting = new Rendezvous(threads, MEETING);
            MeetingCounter counter = new MeetingCounter(meeting);

            long returned = run(counter, threads, perThread);

            meeting.verify(call(threads, perThread));
            assertEquals((long) threads * perThread, returned, call(threads, perThread) + " returned " + returned
                    + ", expected " + (long) threads * perThread);
        }
    }

    @Graded(task = "race", points = 2)
    @DisplayName("run returns counter.get() after joining, not a count of its own, also where the threads take "
            + "longer than any sleep would guess")
    void returnsWhatTheCounterSays() throws Exception {
        int threads = 4;
        int perThread = 500;
        String call = call(threads, perThread);
        long sentinel = 987_654_321L;
        HeldCounter counter = new HeldCounter(Thread.currentThread(), perThread, sentinel, HELD_INCREMENT);

        long start = System.nanoTime();
        long returned;
        List<String> unfinished;
        long incrementsAtReturn;
        try {
            returned = run(counter, threads, perThread);
        } finally {
            unfinished = counter.unfinishedThreads();
            incrementsAtReturn = counter.increments();
            counter.release();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(sentinel, returned, call + " returned " + returned + " with a counter whose get() says "
                + sentinel + ": return counter.get()");
        check(unfinished.isEmpty(), call + " returned after " + millis + " ms while "
                + (unfinished.size() == 1 ? "thread " : "threads ")
                + String.join(", ", unfinished.stream().map(name -> "\"" + name + "\"").toList())
                + " had not finished " + (unfinished.size() == 1 ? "its" : "their") + " increments (this test "
                + "holds each thread's last increment() open until run waits for the threads, up to "
                + HELD_INCREMENT.toMillis() + " ms): join every thread before calling counter.get(); a sleep only "
                + "guesses how long the threads need, and a count read before they end is not the final one");
        assertEquals((long) threads * perThread, incrementsAtReturn, call + " made " + incrementsAtReturn
                + " increments before returning, expected " + (long) threads * perThread
                + ": join every thread before calling counter.get()");
    }

    @Graded(task = "race", points = 2)
    @DisplayName("run rejects threads < 1 and perThread < 0, and with perThread = 0 returns 0 without increments")
    void checksItsArguments() throws Exception {
        RecordingCounter counter = new RecordingCounter();
        assertRejected(call(0, 10), "threads < 1", () -> RaceDemo.run(counter, 0, 10));
        assertRejected(call(-3, 10), "threads < 1", () -> RaceDemo.run(counter, -3, 10));
        assertRejected(call(Integer.MIN_VALUE, 10), "threads < 1",
                () -> RaceDemo.run(counter, Integer.MIN_VALUE, 10));
        assertRejected(call(2, -1), "perThread < 0", () -> RaceDemo.run(counter, 2, -1));
        assertEquals(0, counter.get(), "a rejected call must not increment: check the arguments first");

        long returned = run(counter, 3, 0);

        assertEquals(0, returned, call(3, 0) + " returned " + returned + ", expected 0: nobody increments");
    }
}
