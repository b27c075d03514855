package lockstep.hidden.race;

import static lockstep.hidden.Checks.check;
import static lockstep.hidden.HiddenLimits.CALL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exercises.race.RaceDemo;
import lockstep.api.Graded;
import lockstep.stress.Watchdog;
import org.junit.jupiter.api.DisplayName;

/** Task {@code race}: {@link RaceDemo#lostUpdates} reports what it observed. */
class LostUpdatesHiddenTest {

    private static long lostUpdates(int threads, int perThread, int attempts) throws Exception {
        return Watchdog.call(call(threads, perThread, attempts), CALL,
                () -> RaceDemo.lostUpdates(threads, perThread, attempts));
    }

    private static String call(int threads, int perThread, int attempts) {
        return "RaceDemo.lostUpdates(" + threads + ", " + perThread + ", " + attempts + ")";
    }

    @Graded(task = "race", points = 2)
    @DisplayName("lostUpdates sees lost updates with 16 threads x 100000 increments, and reports between 1 and "
            + "threads * perThread of them")
    void seesLostUpdates() throws Exception {
        int threads = 16;
        int perThread = 100_000;
        // One lossy attempt is enough and comes at the first try on 2 cores; more attempts only slow down an
        // UnsafeCounter that cannot lose updates (a synchronized one queues 16 threads on its monitor: 100 attempts
        // took past the call limit, which then hid the real message).
        int attempts = 20;
        long total = (long) threads * perThread;

        LossProbe.warmUp();

        long lost = lostUpdates(threads, perThread, attempts);

        check(lost >= 0 && lost <= total, call(threads, perThread, attempts) + " returned " + lost
                + ": it can only lose between 0 and " + total + " updates (threads * perThread - result)");
        if (lost == 0) {
            LossProbe.requireVisibleRace(attempts); // the canary gets no more tries than the student's code
        }
        check(lost > 0, call(threads, perThread, attempts) + " returned 0: in up to " + attempts + " attempts "
                + "of " + threads + " threads x " + perThread + " increments no update was lost. Does each attempt use "
                + "a new UnsafeCounter with run, and return threads * perThread - result of the first lossy attempt?");
    }

    @Graded(task = "race", points = 2)
    @DisplayName("lostUpdates returns 0 where nothing can be lost: one thread, or zero increments per thread")
    void zeroWhereNothingCanBeLost() throws Exception {
        assertEquals(0, lostUpdates(1, 100_000, 5), call(1, 100_000, 5) + " is not 0: one thread loses nothing");
        assertEquals(0, lostUpdates(16, 0, 5), call(16, 0, 5) + " is not 0: with no increments nothing is lost");
    }
}
