package lockstep.hidden.race;

import static lockstep.hidden.Checks.assertRejected;
import static lockstep.hidden.Checks.check;
import static lockstep.hidden.HiddenLimits.CALL;
import static lockstep.hidden.HiddenLimits.MEETING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exercises.Counter;
import exercises.race.RaceDemo;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
    @DisplayName("run returns counter.get() after joining, not a count of its own")
    void returnsWhatTheCounterSays() throws Exception {
        long sentinel = 987_654_321L;
        AtomicLong increments = new AtomicLong();
        Counter counter = new Counter() {
            @Override
            public void increment() {
                increments.incrementAndGet();
            }

            @Override
            public long get() {
                return sentinel;
            }
        };

        long returned = run(counter, 4, 500);

        assertEquals(sentinel, returned, call(4, 500) + " returned " + returned + " with a counter whose get() says "
                + sentinel + ": return counter.get()");
        assertEquals(2_000, increments.get(), call(4, 500) + " made " + increments.get() + " increments before "
                + "returning, expected 2000: join every thread before calling get()");
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
