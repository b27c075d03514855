package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StressEvidenceTest {

    private static final StressBudget BUDGET = new StressBudget(200, Duration.ofMillis(200), Duration.ofSeconds(5));
    private static final StressEvidence EVIDENCE = new StressEvidence("17.0.15", 2, BUDGET, List.of(
            new StressEvidence.ThreadCountRuns(1, 200, 0),
            new StressEvidence.ThreadCountRuns(16, 41, 41)));

    @Test
    void evidenceIsOneLine() {
        assertEquals("evidence: JDK 17.0.15, 2 cores, budget 200 runs or 200 ms per thread count; "
                + "runs 1:200 16:41, wrong 16:41", EVIDENCE.toString());
        assertEquals(241, EVIDENCE.totalRepetitions());
        assertEquals(16, EVIDENCE.maxThreads());
    }

    @Test
    void failureMessageNamesConceptExpectedObservedThreadsRepetitionAndWrongRuns() {
        StressRun run = new StressRun("lost updates", EVIDENCE, Optional.of(
                new StressRun.WrongResult(16, 3, Outcome.equal(16000, 15412), 41, 41)));

        assertEquals("lost updates: expected 16000, got 15412 with 16 threads (first wrong result in repetition 3; "
                + "41 of 41 runs wrong)\n" + EVIDENCE, run.failureMessage());
    }

    @Test
    void outcomeConceptOverridesTheScenarios() {
        StressRun run = new StressRun("money created or destroyed", EVIDENCE, Optional.of(new StressRun.WrongResult(
                1, 1, Outcome.wrong("balance below zero", "every balance >= 0", "a at -1"), 1, 1)));

        assertEquals("balance below zero: expected every balance >= 0, got a at -1 with 1 thread (first wrong result "
                + "in repetition 1; 1 of 1 runs wrong)", run.failureMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void budgetScalesRepetitionsAndTimeButNotTheDeadline() {
        StressBudget raised = BUDGET.scaled(4);

        assertEquals(new StressBudget(800, Duration.ofMillis(800), Duration.ofSeconds(5)), raised);
        assertEquals("800 runs or 800 ms per thread count", raised.toString());
        assertEquals("1.5 s", StressMessages.duration(Duration.ofMillis(1500)));
    }

    @Test
    void budgetRejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new StressBudget(0, Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new StressBudget(1, Duration.ZERO, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new StressBudget(1, Duration.ofMillis(1), Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> StressBudget.DEFAULT.scaled(0));
    }
}
