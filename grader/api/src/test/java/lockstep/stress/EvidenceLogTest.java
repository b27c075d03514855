package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lockstep.model.Evidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Every stress run of a test lands in its evidence log, whatever the verdict, and only in its own log. */
class EvidenceLogTest {

    /** Repetitions, not time, bound these runs: the counts are exact. */
    private static final StressBudget THREE_RUNS =
            new StressBudget(3, Duration.ofSeconds(10), Duration.ofSeconds(10));

    private static final Evidence.Budget THREE_RUNS_SPENT = new Evidence.Budget(3, 10_000, 10_000);

    @AfterEach
    void closeTheLog() {
        EvidenceLog.close();
    }

    private static Evidence closed() {
        return EvidenceLog.close().orElseThrow(() -> new AssertionError("nothing was recorded"));
    }

    @Test
    void aPassingVerdictRecordsItsRunsAndItsCaughtCanary() throws Exception {
        EvidenceLog.open();

        StressMatrix.of(THREE_RUNS).withThreadCounts(2, 4).verify(StressMatrixTest.atomic(100),
                StressMatrixTest.interleaved());

        Evidence evidence = closed();
        assertEquals(Runtime.version().toString(), evidence.jdk());
        assertEquals(Runtime.getRuntime().availableProcessors(), evidence.cores());
        assertEquals(List.of(
                new Evidence.Stress("lost updates", false, THREE_RUNS_SPENT,
                        List.of(new Evidence.Runs(2, 3, 0), new Evidence.Runs(4, 3, 0))),
                new Evidence.Stress("lost updates", true, THREE_RUNS_SPENT, List.of(new Evidence.Runs(4, 1, 1)))),
                evidence.stress());
        assertEquals(List.of(), evidence.modelChecks());
    }

    @Test
    void aWrongResultRecordsTheWrongRunsOfItsThreadCount() {
        EvidenceLog.open();

        assertThrows(AssertionError.class,
                () -> StressMatrix.of(THREE_RUNS).withThreadCounts(2, 4).verify(StressMatrixTest.interleaved()));

        assertEquals(List.of(new Evidence.Stress("lost updates", false, THREE_RUNS_SPENT,
                List.of(new Evidence.Runs(2, 3, 3)))), closed().stress());
    }

    @Test
    void anInconclusiveVerdictRecordsTheCanaryRunsWithTheRaisedBudget() {
        EvidenceLog.open();

        assertThrows(TestAbortedException.class, () -> StressMatrix.of(THREE_RUNS).withThreadCounts(2)
                .verify(StressMatrixTest.atomic(10), StressMatrixTest.atomic(10)));

        List<Evidence.Stress> runs = closed().stress();
        assertEquals(List.of(false, true, true), runs.stream().map(Evidence.Stress::canary).toList());
        assertEquals(List.of(3, 3, 12), runs.stream().map(r -> r.budget().maxRuns()).toList());
        assertEquals(new Evidence.Runs(2, 12, 0), runs.get(2).threadCounts().get(0));
    }

    @Test
    void aWorkerThatThrowsStillLeavesTheRunsSoFar() {
        Scenario<Object> boom = Scenario.of("anything", threads -> new Object(), (state, index) -> {
            throw new IllegalStateException("boom");
        }, (state, threads) -> Outcome.right());
        EvidenceLog.open();

        assertThrows(WorkerFailure.class, () -> StressMatrix.of(THREE_RUNS).withThreadCounts(2).verify(boom));

        assertEquals(List.of(new Evidence.Runs(2, 1, 0)), closed().stress().get(0).threadCounts());
    }

    @Test
    void nothingIsRecordedWithoutAnOpenLog() throws Exception {
        StressMatrix.of(THREE_RUNS).withThreadCounts(2).verify(StressMatrixTest.atomic(10));

        assertFalse(EvidenceLog.close().isPresent());
    }

    @Test
    void anOpenLogWithNothingInItIsNoEvidence() {
        EvidenceLog.open();

        assertFalse(EvidenceLog.close().isPresent());
    }

    @Test
    void aThreadStartedByTheTestRecordsIntoItsLogButNotIntoTheNextTestsLog() throws Exception {
        EvidenceLog.open();
        CountDownLatch firstRunDone = new CountDownLatch(1);
        CountDownLatch firstLogClosed = new CountDownLatch(1);
        Thread leftOver = new Thread(() -> {
            try {
                StressMatrix.of(THREE_RUNS).withThreadCounts(2).verify(StressMatrixTest.atomic(10));
                firstRunDone.countDown();
                firstLogClosed.await();
                StressMatrix.of(THREE_RUNS).withThreadCounts(4).verify(StressMatrixTest.atomic(10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        leftOver.start();
        assertTrue(firstRunDone.await(30, TimeUnit.SECONDS), "the left-over thread's first run did not end");
        Evidence first = closed();
        EvidenceLog.open();
        firstLogClosed.countDown();
        leftOver.join();

        assertEquals(2, first.stress().get(0).threadCounts().get(0).threads());
        assertEquals(1, first.stress().size());
        assertFalse(EvidenceLog.close().isPresent(), "a left-over thread wrote into the next test's log");
    }

    @Test
    void aLogKeepsAtMostItsLimitAndCountsTheRest() throws Exception {
        EvidenceLog.open();
        StressMatrix oneRun = StressMatrix.of(new StressBudget(1, Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .withThreadCounts(2);

        for (int i = 0; i < EvidenceLog.MOST_CHECKS + 3; i++) {
            oneRun.verify(StressMatrixTest.atomic(1));
        }

        Evidence evidence = closed();
        assertEquals(EvidenceLog.MOST_CHECKS, evidence.stress().size());
        assertEquals(3, evidence.omitted());
    }

    @Test
    void aModelCheckIsRecordedAsGiven() {
        EvidenceLog.open();

        EvidenceLog.record(new Evidence.ModelChecking("x".repeat(300), "Lincheck 3.7", 200, 0, false));

        Evidence.ModelChecking check = closed().modelChecks().get(0);
        assertEquals(EvidenceLog.MOST_CONCEPT_CHARS + 3, check.concept().length(), "a long concept is cut");
        assertEquals("Lincheck 3.7", check.tool());
        assertEquals(200, check.interleavings());
    }
}
