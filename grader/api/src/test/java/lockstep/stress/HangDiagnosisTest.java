package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deadlocks and hangs, made certain with latches: each thread takes its first lock, then waits until the other
 * holds its first lock too, so both then wait for each other for ever. Nothing here depends on timing.
 */
class HangDiagnosisTest {

    private static final StressMatrix ONE_RUN_TWO_THREADS = StressMatrix.of(
            new StressBudget(1, Duration.ofSeconds(10), Duration.ofMillis(300))).withThreadCounts(2);

    /** Two locks and a latch that opens once each thread holds its first lock. */
    record Pair<L>(L a, L b, CountDownLatch bothHoldOne) {
        L first(int index) {
            return index == 0 ? a : b;
        }

        L second(int index) {
            return index == 0 ? b : a;
        }
    }

    @Test
    void monitorDeadlockIsNamedWithBothThreadsAndBothLocks() {
        Scenario<Pair<Object>> scenario = Scenario.of("anything",
                threads -> new Pair<>(new Object(), new Object(), new CountDownLatch(2)),
                (pair, index) -> {
                    synchronized (pair.first(index)) {
                        pair.bothHoldOne().countDown();
                        pair.bothHoldOne().await();
                        synchronized (pair.second(index)) {
                            pair.bothHoldOne().countDown();
                        }
                    }
                },
                (pair, threads) -> Outcome.right())
                .withThreadNames("pair")
                .withLockLabels(pair -> Map.of("Lock[a]", pair.a(), "Lock[b]", pair.b()));

        AssertionError failure = assertThrows(AssertionError.class, () -> ONE_RUN_TWO_THREADS.verify(scenario));

        String[] lines = failure.getMessage().split("\n");
        assertEquals("deadlock: \"pair-0\" holds Lock[a] and waits for Lock[b]; "
                + "\"pair-1\" holds Lock[b] and waits for Lock[a] "
                + "(with 2 threads, repetition 1)", lines[0]);
        assertTrue(lines[1].startsWith("  \"pair-0\" BLOCKED for Lock[b] held by \"pair-1\" at lockstep.stress."),
                lines[1]);
        assertTrue(lines[2].startsWith("  \"pair-1\" BLOCKED for Lock[a] held by \"pair-0\" at lockstep.stress."),
                lines[2]);
        assertEquals(StressMessages.DEADLOCK_HINT, lines[3]);
        assertTrue(lines[4].startsWith("evidence: "), lines[4]);
    }

    @Test
    void reentrantLockDeadlockNamesEachLockByClassAndIdentity() {
        Scenario<Pair<ReentrantLock>> scenario = Scenario.of("anything",
                threads -> new Pair<>(new ReentrantLock(), new ReentrantLock(), new CountDownLatch(2)),
                (pair, index) -> {
                    // Interruptible, so the interrupt that abandons the threads also ends them.
                    pair.first(index).lockInterruptibly();
                    try {
                        pair.bothHoldOne().countDown();
                        pair.bothHoldOne().await();
                        pair.second(index).lockInterruptibly();
                        pair.second(index).unlock();
                    } finally {
                        pair.first(index).unlock();
                    }
                },
                (pair, threads) -> Outcome.right())
                .withThreadNames("pair");

        AssertionError failure = assertThrows(AssertionError.class, () -> ONE_RUN_TWO_THREADS.verify(scenario));

        Matcher cycle = Pattern.compile("deadlock: \"pair-0\" holds ReentrantLock@(\\p{XDigit}+) and waits for "
                + "ReentrantLock@(\\p{XDigit}+); \"pair-1\" holds ReentrantLock@(\\p{XDigit}+) and waits for "
                + "ReentrantLock@(\\p{XDigit}+) \\(with 2 threads").matcher(failure.getMessage());
        assertTrue(cycle.lookingAt(), failure.getMessage());
        assertEquals(cycle.group(1), cycle.group(4));
        assertEquals(cycle.group(2), cycle.group(3));
    }

    /** An account the way the reference writes it: the lock is a field. */
    static final class Account {
        final ReentrantLock lock = new ReentrantLock();
    }

    @Test
    void reentrantLockInALabelledObjectIsNamedByItsField() {
        Scenario<Pair<Account>> scenario = Scenario.of("anything",
                threads -> new Pair<>(new Account(), new Account(), new CountDownLatch(2)),
                (pair, index) -> {
                    pair.first(index).lock.lockInterruptibly();
                    try {
                        pair.bothHoldOne().countDown();
                        pair.bothHoldOne().await();
                        pair.second(index).lock.lockInterruptibly();
                        pair.second(index).lock.unlock();
                    } finally {
                        pair.first(index).lock.unlock();
                    }
                },
                (pair, threads) -> Outcome.right())
                .withThreadNames("transfer")
                .withLockLabels(pair -> Map.of("Account[a]", pair.a(), "Account[b]", pair.b()));

        AssertionError failure = assertThrows(AssertionError.class, () -> ONE_RUN_TWO_THREADS.verify(scenario));

        assertTrue(failure.getMessage().startsWith("deadlock: \"transfer-0\" holds Account[a].lock and waits for "
                + "Account[b].lock; \"transfer-1\" holds Account[b].lock and waits for Account[a].lock (with 2 threads"),
                failure.getMessage());
    }

    @Test
    void hangWithoutCycleIsReportedAsAHangNamingEachStuckThread() {
        Scenario<CountDownLatch> scenario = Scenario.of("anything", threads -> new CountDownLatch(1),
                (never, index) -> never.await(), (never, threads) -> Outcome.right())
                .withThreadNames("sleeper");

        AssertionError failure = assertThrows(AssertionError.class, () -> ONE_RUN_TWO_THREADS.verify(scenario));

        String message = failure.getMessage();
        assertTrue(message.startsWith("hang: 2 threads never finished, with no lock cycle among them: \"sleeper-0\" "),
                message);
        assertTrue(message.contains("; \"sleeper-1\" "), message);
        assertTrue(message.contains("\n" + StressMessages.HANG_HINT + "\n"), message);
    }

    @Test
    void threadsBehindADeadlockAreCountedButNotPartOfTheCycle() {
        Scenario<Pair<Object>> scenario = Scenario.of("anything",
                threads -> new Pair<>(new Object(), new Object(), new CountDownLatch(2)),
                (pair, index) -> {
                    if (index == 2) {
                        pair.bothHoldOne().await();
                        synchronized (pair.a()) {
                            pair.bothHoldOne().countDown();
                        }
                        return;
                    }
                    synchronized (pair.first(index)) {
                        pair.bothHoldOne().countDown();
                        pair.bothHoldOne().await();
                        synchronized (pair.second(index)) {
                            pair.bothHoldOne().countDown();
                        }
                    }
                },
                (pair, threads) -> Outcome.right())
                .withLockLabels(pair -> Map.of("Lock[a]", pair.a(), "Lock[b]", pair.b()));
        StressMatrix threeThreads = ONE_RUN_TWO_THREADS.withThreadCounts(3);

        AssertionError failure = assertThrows(AssertionError.class, () -> threeThreads.verify(scenario));

        assertTrue(failure.getMessage().startsWith("deadlock: \"stress-0\" holds Lock[a] and waits for Lock[b]; "
                + "\"stress-1\" holds Lock[b] and waits for Lock[a] (1 more thread stuck behind them)"),
                failure.getMessage());
    }

    /** Deadline of an hour: only the early look for a lock cycle can end these within the test's timeout. */
    private static final StressMatrix ONE_RUN_LONG_DEADLINE = StressMatrix.of(
            new StressBudget(1, Duration.ofSeconds(10), Duration.ofHours(1))).withThreadCounts(2);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLockCycleIsReportedWithoutWaitingForTheDeadline() {
        Scenario<Pair<ReentrantLock>> scenario = Scenario.of("anything",
                threads -> new Pair<>(new ReentrantLock(), new ReentrantLock(), new CountDownLatch(2)),
                (pair, index) -> {
                    pair.first(index).lockInterruptibly();
                    try {
                        pair.bothHoldOne().countDown();
                        pair.bothHoldOne().await();
                        pair.second(index).lockInterruptibly();
                        pair.second(index).unlock();
                    } finally {
                        pair.first(index).unlock();
                    }
                },
                (pair, threads) -> Outcome.right())
                .withThreadNames("pair");

        AssertionError failure = assertThrows(AssertionError.class, () -> ONE_RUN_LONG_DEADLINE.verify(scenario));

        assertTrue(failure.getMessage().startsWith("deadlock: \"pair-0\" holds ReentrantLock@"), failure.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void threadsBackingOffWithTryLockAreNotADeadlock() throws Exception {
        // Each thread holds its first lock, then tries the second with a timeout and backs off: for a while they
        // wait on each other in a cycle, but with a timeout, so the cycle breaks and both finish.
        Scenario<Pair<ReentrantLock>> scenario = Scenario.of("anything",
                threads -> new Pair<>(new ReentrantLock(), new ReentrantLock(), new CountDownLatch(2)),
                (pair, index) -> {
                    pair.first(index).lock();
                    try {
                        pair.bothHoldOne().countDown();
                        pair.bothHoldOne().await();
                        if (pair.second(index).tryLock(300 + 300L * index, TimeUnit.MILLISECONDS)) {
                            pair.second(index).unlock();
                        }
                    } finally {
                        pair.first(index).unlock();
                    }
                },
                (pair, threads) -> Outcome.right())
                .withThreadNames("polite");

        StressEvidence evidence = ONE_RUN_LONG_DEADLINE.verify(scenario);

        assertTrue(evidence.toString().endsWith("; runs 2:1, wrong 0"), evidence.toString());
    }

    @Test
    void topFramePrefersTheCodeUnderTest() {
        StackTraceElement[] stack = {
            new StackTraceElement("java.lang.Object", "wait", "Object.java", 1),
            new StackTraceElement("lockstep.hidden.SomeTest", "lambda", "SomeTest.java", 2),
            new StackTraceElement("exercises.locks.Bank", "transfer", "Bank.java", 3),
        };

        assertEquals("exercises.locks.Bank", HangDiagnosis.topFrame(stack).getClassName());
        assertEquals("lockstep.hidden.SomeTest",
                HangDiagnosis.topFrame(new StackTraceElement[] {stack[0], stack[1]}).getClassName());
    }
}
