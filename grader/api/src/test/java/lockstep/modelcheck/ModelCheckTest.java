package lockstep.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import lockstep.model.Evidence;
import lockstep.stress.EvidenceLog;
import org.junit.jupiter.api.Test;

/** Model checking on JDK 17-24; on newer JDKs, a clear statement that it is off. */
class ModelCheckTest {

    /** The broken counter of the story. */
    static final class Racy {
        private long count;

        void increment() {
            count++;
        }

        long get() {
            return count;
        }
    }

    /** The fixed one. */
    static final class Safe {
        private long count;

        synchronized void increment() {
            count++;
        }

        synchronized long get() {
            return count;
        }
    }

    /** Runs {@code first} and {@code second} on two new threads and joins both. */
    static void twoIncrements(Runnable first, Runnable second) {
        Thread a = new Thread(first);
        Thread b = new Thread(second);
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLostUpdateIsShownWithTheInterleavingThatLosesIt() {
        if (!ModelCheck.available()) {
            assertTrue(ModelCheck.why().contains("stress tests alone"), ModelCheck.why());
            assertThrows(IllegalStateException.class, () -> ModelCheck.check("lost update", 10, () -> { }));
            return;
        }
        AssertionError failure = assertThrows(AssertionError.class, () -> ModelCheck.check("lost update", 1000, () -> {
            Racy counter = new Racy();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get(), "two increments");
        }));
        String message = failure.getMessage();
        assertTrue(message.startsWith("lost update: two increments"), message);
        assertTrue(message.contains("The following interleaving leads to the error"), message);
        assertTrue(message.contains("count"), message);
        assertTrue(message.contains("switch") && message.contains("read the table top to bottom"), message);
        assertTrue(!message.contains("Detailed trace"), message);
    }

    @Test
    void aCorrectCounterPassesEveryInterleaving() {
        if (!ModelCheck.available()) {
            return;
        }
        ModelCheck.check("lost update", 1000, () -> {
            Safe counter = new Safe();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get());
        });
    }

    @Test
    void everyModelCheckIsRecordedWithTheToolTheInterleavingsAndTheVerdict() {
        EvidenceLog.open();
        if (!ModelCheck.available()) {
            assertThrows(IllegalStateException.class, () -> ModelCheck.check("lost update", 10, () -> { }));
            assertFalse(EvidenceLog.close().isPresent(), "a model check that could not run is no evidence");
            return;
        }
        ModelCheck.check("lost update", 50, () -> {
            Safe counter = new Safe();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get());
        });
        assertThrows(AssertionError.class, () -> ModelCheck.check("lost update", 1000, () -> {
            Racy counter = new Racy();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get());
        }));

        assertTrue(ModelCheck.tool().matches("Lincheck \\d+\\.\\d+.*"), "the version from Lincheck's jar: "
                + ModelCheck.tool());
        assertEquals(List.of(new Evidence.ModelChecking("lost update", ModelCheck.tool(), 50, 0, false),
                new Evidence.ModelChecking("lost update", ModelCheck.tool(), 1000, 0, true)),
                EvidenceLog.close().orElseThrow().modelChecks());
    }

    @Test
    void whereModelCheckingIsOffThePlainRunsStandInAndTheEvidenceSaysSo() {
        String before = System.getProperty(ModelCheck.PROPERTY);
        System.setProperty(ModelCheck.PROPERTY, "false");
        int[] runs = new int[1];
        try {
            EvidenceLog.open();
            ModelCheck.checkOrRepeat("lost update", 200, 25, () -> runs[0]++);
            assertThrows(AssertionError.class, () -> ModelCheck.checkOrRepeat("lost update", 200, 25, () -> {
                runs[0]++;
                assertFalse(runs[0] == 30, "the fifth run fails");
            }));
        } finally {
            restore(before);
        }

        assertEquals(List.of(new Evidence.ModelChecking("lost update", "", 0, 25, false),
                new Evidence.ModelChecking("lost update", "", 0, 5, true)),
                EvidenceLog.close().orElseThrow().modelChecks());
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(ModelCheck.PROPERTY);
        } else {
            System.setProperty(ModelCheck.PROPERTY, before);
        }
    }

    @Test
    void theGraderCanSwitchItOff() {
        String before = System.getProperty(ModelCheck.PROPERTY);
        System.setProperty(ModelCheck.PROPERTY, "false");
        try {
            assertTrue(!ModelCheck.available());
            assertTrue(ModelCheck.why().contains("switched off"));
        } finally {
            if (before == null) {
                System.clearProperty(ModelCheck.PROPERTY);
            } else {
                System.setProperty(ModelCheck.PROPERTY, before);
            }
        }
    }

    /** Two locks taken in opposite order by two threads: with {@code lock()} a deadlock, with timed back-off not. */
    static final class Pair {
        final java.util.concurrent.locks.ReentrantLock a = new java.util.concurrent.locks.ReentrantLock();
        final java.util.concurrent.locks.ReentrantLock b = new java.util.concurrent.locks.ReentrantLock();
        int moves;

        void politely(java.util.concurrent.locks.ReentrantLock first, java.util.concurrent.locks.ReentrantLock second) {
            while (true) {
                first.lock();
                try {
                    if (second.tryLock(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000, 50_000),
                            java.util.concurrent.TimeUnit.NANOSECONDS)) {
                        try {
                            moves++;
                            return;
                        } finally {
                            second.unlock();
                        }
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    first.unlock();
                }
                Thread.yield();
            }
        }

        void rudely(java.util.concurrent.locks.ReentrantLock first, java.util.concurrent.locks.ReentrantLock second) {
            first.lock();
            try {
                second.lock();
                try {
                    moves++;
                } finally {
                    second.unlock();
                }
            } finally {
                first.unlock();
            }
        }
    }

    @Test
    void timedBackOffTheModelCheckerCannotJudgeIsDecidedOnRealThreads() {
        Runnable polite = () -> {
            Pair pair = new Pair();
            twoIncrements(() -> pair.politely(pair.a, pair.b), () -> pair.politely(pair.b, pair.a));
            assertEquals(2, pair.moves);
        };
        if (ModelCheck.available()) {
            AssertionError noVerdict = assertThrows(AssertionError.class,
                    () -> ModelCheck.check("opposite moves", 200, polite));
            assertTrue(noVerdict instanceof ModelCheck.TimedWaitHang, noVerdict.getMessage());
            assertTrue(noVerdict.getMessage().contains("does not model time"), noVerdict.getMessage());
        }
        EvidenceLog.open();
        ModelCheck.checkOrRepeat("opposite moves", 200, 50, polite);
        List<Evidence.ModelChecking> checks = EvidenceLog.close().orElseThrow().modelChecks();
        assertEquals(new Evidence.ModelChecking("opposite moves", "", 0, 50, false), checks.get(checks.size() - 1));
    }

    @Test
    void aRealDeadlockIsStillADeadlock() {
        if (!ModelCheck.available()) {
            return; // on real threads this deadlock would hang the test; the stress tests cover it there
        }
        AssertionError failure = assertThrows(AssertionError.class, () -> ModelCheck.checkOrRepeat("opposite moves",
                200, 50, () -> {
                    Pair pair = new Pair();
                    twoIncrements(() -> pair.rudely(pair.a, pair.b), () -> pair.rudely(pair.b, pair.a));
                }));
        assertFalse(failure instanceof ModelCheck.TimedWaitHang, failure.getMessage());
        assertTrue(failure.getMessage().startsWith("opposite moves: "), failure.getMessage());
    }

    @Test
    void onlyAHangWithoutDeadlockInTimedWaitsIsNoVerdict() {
        assertTrue(InterleavingTrace.timedWaitHang(new AssertionError("= Concurrent test has hung =\n"
                + "| ReentrantLock#2.tryLock(18382, NANOSECONDS) |")));
        assertFalse(InterleavingTrace.timedWaitHang(new AssertionError("= Concurrent test has hung =\n"
                + "All unfinished threads are in deadlock\n| ReentrantLock#2.tryLock(18382, NANOSECONDS) |")));
        assertFalse(InterleavingTrace.timedWaitHang(new AssertionError("= Concurrent test has hung =\n"
                + "| ReentrantLock#2.lock() |")));
        assertFalse(InterleavingTrace.timedWaitHang(new AssertionError("= Concurrent test failed =\n"
                + "| ReentrantLock#2.tryLock(18382, NANOSECONDS) |")));
    }

    /** An error of Lincheck's own, as 3.7 throws one now and then while it collects the trace of a failure. */
    private static RuntimeException lincheckBug() {
        return new ArrayIndexOutOfBoundsException("Index 2 out of bounds for length 2");
    }

    @Test
    void anErrorOfTheModelCheckersOwnIsTriedAgainAndIsNeverAVerdict() {
        int[] explored = new int[1];
        EvidenceLog.open();
        ModelCheck.check("lost update", 100, () -> { }, (invocations, scenario) -> {
            explored[0]++;
            if (explored[0] == 1) {
                throw lincheckBug();
            }
            scenario.run();
        });
        assertEquals(2, explored[0], "explored again after the model checker's own error");
        assertEquals(List.of(new Evidence.ModelChecking("lost update", ModelCheck.tool(), 100, 0, false)),
                EvidenceLog.close().orElseThrow().modelChecks());

        ModelCheck.Checker broken = (invocations, scenario) -> {
            explored[0]++;
            throw lincheckBug();
        };
        ModelCheck.CheckerCrash crash = assertThrows(ModelCheck.CheckerCrash.class,
                () -> ModelCheck.check("lost update", 100, () -> { }, broken));
        assertEquals(2 + ModelCheck.ATTEMPTS, explored[0], "tried " + ModelCheck.ATTEMPTS + " times");
        assertTrue(crash.getMessage().contains("no verdict on the code"), crash.getMessage());

        int[] runs = new int[1];
        EvidenceLog.open();
        ModelCheck.checkOrRepeat("lost update", 100, 40, () -> runs[0]++, Optional.of(broken));
        assertEquals(40, runs[0], "real threads decide where the model checker kept failing");
        assertEquals(List.of(new Evidence.ModelChecking("lost update", "", 0, 40, false)),
                EvidenceLog.close().orElseThrow().modelChecks(), "the runs on real threads are the evidence");

        AssertionError realFailure = assertThrows(AssertionError.class, () -> ModelCheck.checkOrRepeat("lost update",
                100, 40, () -> assertEquals(2, 1, "two increments"), Optional.of(broken)));
        assertFalse(realFailure instanceof ModelCheck.CheckerCrash, "a failure on real threads is a verdict");
        assertTrue(realFailure.getMessage().contains("two increments"), realFailure.getMessage());
    }

    @Test
    void aFailingInterleavingTheModelCheckerReportsIsAVerdictAtOnce() {
        int[] explored = new int[1];
        AssertionError failure = assertThrows(AssertionError.class, () -> ModelCheck.check("lost update", 100,
                () -> { }, (invocations, scenario) -> {
                    explored[0]++;
                    throw new AssertionError("= Concurrent test failed =\n\norg.opentest4j.AssertionFailedError: "
                            + "expected: <2> but was: <1>\n\n" + InterleavingTrace.INTERLEAVING + "\n| increment() |"
                            + " |\n\n" + InterleavingTrace.DETAILED + "\n...");
                }));
        assertEquals(1, explored[0], "a report is not tried again");
        assertFalse(failure instanceof ModelCheck.CheckerCrash, failure.getMessage());
        assertTrue(failure.getMessage().startsWith("lost update: expected: <2> but was: <1>\n"
                + InterleavingTrace.INTERLEAVING), failure.getMessage());
    }
}
