package lockstep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact evidence every report shows under a test. */
class EvidenceTest {

    static final Evidence.Budget DEFAULT = new Evidence.Budget(200, 200, 5_000);

    @Test
    void aPassingStressTestNamesJdkCoresBudgetAndTheRunsAtEachThreadCount() {
        Evidence evidence = new Evidence("17.0.15", 2, List.of(
                new Evidence.Stress("lost updates", false, DEFAULT, List.of(new Evidence.Runs(1, 200, 0),
                        new Evidence.Runs(2, 200, 0), new Evidence.Runs(4, 180, 0), new Evidence.Runs(8, 95, 0),
                        new Evidence.Runs(16, 60, 0))),
                new Evidence.Stress("lost updates", true, DEFAULT, List.of(new Evidence.Runs(16, 1, 1)))),
                List.of(), 0);

        assertEquals("evidence: JDK 17.0.15, 2 cores, budget 200 runs or 200 ms per thread count; "
                + "lost updates: runs 1:200 2:200 4:180 8:95 16:60, wrong 0; canary (lost updates): runs 16:1, "
                + "wrong 16:1", evidence.summary());
    }

    @Test
    void aRunWithAnotherBudgetNamesItsOwnAndWrongRunsAreCountedWhereTheyHappened() {
        Evidence evidence = new Evidence("17.0.15", 1, List.of(
                new Evidence.Stress("money created or destroyed", false, DEFAULT,
                        List.of(new Evidence.Runs(1, 200, 0), new Evidence.Runs(2, 41, 7))),
                new Evidence.Stress("money created or destroyed", true, new Evidence.Budget(800, 1_500, 5_000),
                        List.of())),
                List.of(), 2);

        assertEquals(List.of("evidence: JDK 17.0.15, 1 core, budget 200 runs or 200 ms per thread count",
                "money created or destroyed: runs 1:200 2:41, wrong 2:7",
                "canary (money created or destroyed), budget 800 runs or 1.5 s per thread count: runs none, wrong 0",
                "2 more checks not recorded"), evidence.lines());
    }

    @Test
    void aModelCheckNamesTheToolAndTheInterleavingsOrThePlainRunsInstead() {
        Evidence evidence = new Evidence("17.0.15", 2, List.of(), List.of(
                new Evidence.ModelChecking("SynchronizedCounter lost an update", "Lincheck 3.7", 200, 0, false),
                new Evidence.ModelChecking("opposite transfers failed", "", 0, 500, false),
                new Evidence.ModelChecking("AtomicCounter lost an update", "Lincheck 3.7", 200, 0, true)), 0);

        assertEquals(List.of("evidence: JDK 17.0.15, 2 cores",
                "SynchronizedCounter lost an update: model checked with Lincheck 3.7, up to 200 interleavings, "
                        + "none failed",
                "opposite transfers failed: model checking off, 500 runs on real threads instead, none failed",
                "AtomicCounter lost an update: model checked with Lincheck 3.7, up to 200 interleavings, failed"),
                evidence.lines());
    }

    @Test
    void aMessageLosesItsEvidenceLinesOnlyWhereTheTestCarriesItsEvidence() {
        String message = "lost updates: expected 16000, got 15412 with 16 threads\n"
                + "evidence: JDK 17.0.15, 2 cores, budget 200 runs or 200 ms per thread count; runs 16:41, wrong 16:41\n"
                + "Make increment() one atomic step.";
        TestResult bare = TestResult.of("T.m", "m", 2, TestStatus.FAILED, message);
        Evidence evidence = new Evidence("17.0.15", 2, List.of(), List.of(), 0);

        assertEquals(message, bare.messageWithoutEvidence());
        assertEquals("lost updates: expected 16000, got 15412 with 16 threads\nMake increment() one atomic step.",
                bare.withEvidence(evidence).messageWithoutEvidence());
    }
}
