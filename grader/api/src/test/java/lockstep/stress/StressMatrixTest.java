package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class StressMatrixTest {

    /** Repetitions, not time, bound these runs: the counts in messages are exact. */
    private static final StressBudget THREE_RUNS =
            new StressBudget(3, Duration.ofSeconds(10), Duration.ofSeconds(10));

    /**
     * A counter that loses updates for certain: every thread reads, then all meet at a barrier, then all write, so
     * with n threads the count ends at 1 instead of n.
     */
    static final class InterleavedCounter {
        private final CyclicBarrier allRead;
        private volatile long count;

        InterleavedCounter(int threads) {
            allRead = new CyclicBarrier(threads);
        }

        void increment() throws Exception {
            long seen = count;
            allRead.await();
            count = seen + 1;
        }
    }

    static Scenario<InterleavedCounter> interleaved() {
        return Scenario.of(CounterScenarios.LOST_UPDATES, threads -> new InterleavedCounter(threads),
                (counter, index) -> counter.increment(),
                (counter, threads) -> Outcome.equal(threads, counter.count));
    }

    static Scenario<AtomicLong> atomic(int perThread) {
        return CounterScenarios.exact(threads -> new AtomicLong(), AtomicLong::incrementAndGet, AtomicLong::get,
                perThread);
    }

    @Test
    void lostUpdatesAreReportedWithExpectedObservedThreadsAndRepetition() {
        StressMatrix matrix = StressMatrix.of(THREE_RUNS).withThreadCounts(1, 2, 4);

        AssertionError failure = assertThrows(AssertionError.class, () -> matrix.verify(interleaved()));

        String[] lines = failure.getMessage().split("\n");
        assertEquals("lost updates: expected 2, got 1 with 2 threads "
                + "(first wrong result in repetition 1; 3 of 3 runs wrong)", lines[0]);
        assertTrue(lines[1].startsWith("evidence: JDK " + Runtime.version()), lines[1]);
        assertTrue(lines[1].endsWith("budget 3 runs or 10 s per thread count; runs 1:3 2:3, wrong 2:3"), lines[1]);
    }

    @Test
    void afterTheFirstWrongResultOnlyAFewMoreRunsAreCounted() throws Exception {
        StressBudget generous = new StressBudget(200, Duration.ofSeconds(10), Duration.ofSeconds(5));

        StressRun run = StressMatrix.of(generous).withThreadCounts(1, 2, 4).run(interleaved());

        int counted = 1 + StressMatrix.RUNS_AFTER_FIRST_WRONG;
        assertEquals(List.of(new StressEvidence.ThreadCountRuns(1, 5, 0),
                new StressEvidence.ThreadCountRuns(2, counted, counted)), run.evidence().runs());
        assertTrue(run.failureMessage().startsWith("lost updates: expected 2, got 1 with 2 threads (first wrong result"
                + " in repetition 1; " + counted + " of " + counted + " runs wrong)"), run.failureMessage());
    }

    @Test
    void runReturnsTheWrongResultWithoutThrowing() throws Exception {
        StressRun run = StressMatrix.of(THREE_RUNS).withThreadCounts(4).run(interleaved());

        assertTrue(run.caughtWrongResult());
        StressRun.WrongResult wrong = run.firstWrong().orElseThrow();
        assertEquals(4, wrong.threads());
        assertEquals("1", wrong.outcome().observed());
    }

    @Test
    void correctCounterPassesAtEveryThreadCount() throws Exception {
        StressEvidence evidence = StressMatrix.of(THREE_RUNS).verify(atomic(1_000));

        assertEquals(List.of(1, 2, 4, 8, 16),
                evidence.runs().stream().map(StressEvidence.ThreadCountRuns::threads).toList());
        assertTrue(evidence.runs().stream().allMatch(r -> r.repetitions() == 3 && r.wrong() == 0));
        assertEquals(15, evidence.totalRepetitions());
    }

    /** A correct scenario whose every repetition takes at least {@code millis} (each worker sleeps that long). */
    static Scenario<AtomicLong> slow(long millis) {
        return Scenario.of(CounterScenarios.LOST_UPDATES, threads -> new AtomicLong(), (count, index) -> {
            Thread.sleep(millis);
            count.incrementAndGet();
        }, (count, threads) -> Outcome.equal(threads, count.get()));
    }

    @Test
    void whereTheTimeBuysFewRepetitionsTheFloorStretchesIt() throws Exception {
        // 100 ms buys at most 20 repetitions of 5 ms; the floor asks for 50, within 10 times the time (1 s)
        StressBudget budget = new StressBudget(200, Duration.ofMillis(100), Duration.ofSeconds(5));

        StressEvidence evidence = StressMatrix.of(budget).withThreadCounts(2).verify(slow(5));

        int runs = evidence.runs().get(0).repetitions();
        assertTrue(runs > 20 && runs <= StressMatrix.MIN_REPETITIONS, "runs: " + runs);
    }

    @Test
    void theFloorNeverStretchesTheTimeMoreThanTenfold() throws Exception {
        // 10 ms stretched tenfold is 100 ms: repetitions of 30 ms stop after the fourth
        StressBudget budget = new StressBudget(200, Duration.ofMillis(10), Duration.ofSeconds(5));

        StressEvidence evidence = StressMatrix.of(budget).withThreadCounts(2).verify(slow(30));

        assertTrue(evidence.runs().get(0).repetitions() <= 4, "runs: " + evidence.runs().get(0).repetitions());
    }

    @Test
    void provokeRunsFromTheHighestThreadCountAndStopsAtTheFirstWrongResult() throws Exception {
        StressRun run = StressMatrix.of(THREE_RUNS).withThreadCounts(1, 2, 8).provoke(interleaved());

        assertEquals(List.of(new StressEvidence.ThreadCountRuns(8, 1, 1)), run.evidence().runs());
    }

    @Test
    void exceptionOnAWorkerIsAnErrorNamingTheThreadCountAndTheException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Scenario<Object> scenario = Scenario.of("anything", threads -> new Object(),
                (state, index) -> {
                    if (index == 1) {
                        throw boom;
                    }
                },
                (state, threads) -> Outcome.right());

        WorkerFailure failure = assertThrows(WorkerFailure.class,
                () -> StressMatrix.of(THREE_RUNS).withThreadCounts(1, 2).verify(scenario));

        assertEquals("java.lang.IllegalStateException: boom (thrown in thread \"stress-1\" with 2 threads, "
                + "repetition 1)", failure.getMessage());
        assertEquals(failure.getMessage(), failure.toString());
        assertSame(boom, failure.getCause());
        assertEquals(boom.getStackTrace()[0], failure.getStackTrace()[0]);
    }

    @Test
    void assertionOnAWorkerStaysAnAssertion() {
        Scenario<Object> scenario = Scenario.of("anything", threads -> new Object(),
                (state, index) -> {
                    throw new AssertionError("not concurrent");
                },
                (state, threads) -> Outcome.right());

        AssertionError failure = assertThrows(AssertionError.class,
                () -> StressMatrix.of(THREE_RUNS).withThreadCounts(2).verify(scenario));

        assertEquals("not concurrent (in thread \"stress-0\" with 2 threads, repetition 1)", failure.getMessage());
    }

    @Test
    void setupExceptionPropagatesUnchanged() {
        UnsupportedOperationException stub = new UnsupportedOperationException("not implemented");
        Scenario<Object> scenario = Scenario.of("anything", threads -> {
            throw stub;
        }, (state, index) -> { }, (state, threads) -> Outcome.right());

        assertSame(stub, assertThrows(UnsupportedOperationException.class,
                () -> StressMatrix.of(THREE_RUNS).verify(scenario)));
    }

    @Test
    void passCountsWhenTheCanaryIsCaught() throws Exception {
        StressEvidence evidence = StressMatrix.of(THREE_RUNS).withThreadCounts(1, 4)
                .verify(atomic(100), interleaved());

        assertEquals(3, evidence.budget().maxRepetitions());
    }

    @Test
    void canaryThatCannotBeCaughtMakesTheVerdictInconclusive() {
        StressMatrix matrix = StressMatrix.of(THREE_RUNS).withThreadCounts(1, 2);

        TestAbortedException aborted = assertThrows(TestAbortedException.class,
                () -> matrix.verify(atomic(100), atomic(100)));

        String message = aborted.getMessage();
        assertTrue(message.startsWith("inconclusive on this machine: a known-racy canary was not caught either "
                + "(no lost updates in 17 runs with up to 2 threads on "), message);
        assertTrue(message.contains("budget 12 runs or 40 s per thread count raised 4x"), message);
        assertTrue(message.contains("regrade on a machine with more cores"), message);
    }

    @Test
    void canaryCaughtOnlyWithTheRaisedBudgetRerunsTheScenarioWithIt() throws Exception {
        AtomicInteger canaryRuns = new AtomicInteger();
        Scenario<Object> lateCanary = Scenario.of("lost updates", threads -> canaryRuns.incrementAndGet(),
                (state, index) -> { },
                (state, threads) -> canaryRuns.get() > 5 ? Outcome.wrong("1", "0") : Outcome.right());

        StressEvidence evidence = StressMatrix.of(THREE_RUNS).withThreadCounts(2).verify(atomic(10), lateCanary);

        assertEquals(12, evidence.budget().maxRepetitions());
        assertEquals(12, evidence.totalRepetitions());
    }

    @Test
    void wrongScenarioFailsWithoutRunningTheCanary() {
        AtomicInteger canaryRuns = new AtomicInteger();
        Scenario<Object> canary = Scenario.of("lost updates", threads -> canaryRuns.incrementAndGet(),
                (state, index) -> { }, (state, threads) -> Outcome.wrong("1", "0"));

        assertThrows(AssertionError.class,
                () -> StressMatrix.of(THREE_RUNS).withThreadCounts(2).verify(interleaved(), canary));
        assertEquals(0, canaryRuns.get());
    }

    @Test
    void overCountingIsNotCalledLostUpdates() {
        Scenario<AtomicLong> doubled = CounterScenarios.exact(threads -> new AtomicLong(),
                counter -> counter.addAndGet(2), AtomicLong::get, 10);

        AssertionError failure = assertThrows(AssertionError.class,
                () -> StressMatrix.of(THREE_RUNS).withThreadCounts(1).verify(doubled));

        assertTrue(failure.getMessage().startsWith("increments counted that never happened: expected 10, got 20 "
                + "with 1 thread"), failure.getMessage());
    }

    @Test
    void racyCanaryCountsRightOnOneThread() throws Exception {
        StressRun run = StressMatrix.of(THREE_RUNS).withThreadCounts(1).run(CounterScenarios.racyCanary(1_000));

        assertFalse(run.caughtWrongResult());
    }

    @Test
    void rejectsThreadCountsBelowOne() {
        StressMatrix matrix = StressMatrix.of(THREE_RUNS);

        assertThrows(IllegalArgumentException.class, () -> matrix.withThreadCounts(0, 2));
        assertThrows(IllegalArgumentException.class, () -> matrix.withThreadCounts());
    }

    @Test
    void eachThreadCountRunsOnOneCrewThatEndsWithIt() throws Exception {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Scenario<int[]> scenario = Scenario.of("nothing", threads -> new int[1],
                (state, index) -> seen.add(Thread.currentThread()), (state, threads) -> Outcome.right());
        StressRun run = StressMatrix.of(new StressBudget(20, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .withThreadCounts(1, 4).run(scenario);

        assertFalse(run.caughtWrongResult());
        assertEquals(List.of(5, 20), run.evidence().runs().stream()
                .map(StressEvidence.ThreadCountRuns::repetitions).toList());
        assertEquals(5, seen.size(), "one thread at 1 and four at 4, for all of their 5 and 20 repetitions");
        for (Thread thread : seen) {
            thread.join(20_000);
            assertFalse(thread.isAlive(), thread.getName() + " ended with its stress run");
        }
    }

    @Test
    void aCheckThatThrowsOnALaterRepetitionLeavesNoWorkerBehind() throws Exception {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger checks = new AtomicInteger();
        Scenario<int[]> scenario = Scenario.of("nothing", threads -> new int[1],
                (state, index) -> seen.add(Thread.currentThread()), (state, threads) -> {
                    if (checks.incrementAndGet() == 3) {
                        throw new IllegalStateException("the check broke");
                    }
                    return Outcome.right();
                });
        StressMatrix matrix = StressMatrix.of(new StressBudget(20, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .withThreadCounts(4);

        assertEquals("the check broke", assertThrows(IllegalStateException.class, () -> matrix.run(scenario))
                .getMessage());
        assertEquals(4, seen.size());
        for (Thread thread : seen) {
            thread.join(20_000);
            assertFalse(thread.isAlive(), thread.getName() + " ended");
        }
    }
}
