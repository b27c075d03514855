package lockstep.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lockstep.collect.Task;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import org.junit.jupiter.api.Test;

/** Judging a grade against an entry's expectations, on hand-made grades (no grading). */
class ExpectationTest {

    private static final String EXACT = "CountersHiddenTest.lockedCounterIsExact";
    private static final String MODEL = "ModelCheckedHiddenTest.lockedCounterInEveryInterleaving";
    private static final String RULE = "LockRulesHiddenTest.lockedCounterUnlocksInFinally";

    private static CorpusEntry buggy(Map<String, List<String>> mustFail, Set<String> mayFail) {
        return new CorpusEntry("entry", Path.of("entry"), CorpusEntry.Kind.BUGGY, Set.of(Task.LOCKS), "a bug", "a kind",
                mustFail, mayFail, "");
    }

    private static CorpusEntry correct() {
        return new CorpusEntry("entry", Path.of("entry"), CorpusEntry.Kind.CORRECT, Set.of(Task.LOCKS), "a style",
                "none", Map.of(), Set.of(), "");
    }

    private static TestResult test(String id, TestStatus status, String message) {
        return TestResult.of(id, id, 2, status, message);
    }

    private static GradeResult grade(TestResult... tests) {
        return GradeResult.of("entry", "hidden", 1, List.of(TaskResult.of("locks", TaskStatus.GRADED, "",
                List.of(tests))), List.of(), Map.of());
    }

    @Test
    void aBuggyEntryCaughtByTheNamedTestsWithTheKeyWordsIsAsExpected() {
        CorpusEntry entry = buggy(Map.of(EXACT, List.of("lost updates")), Set.of());
        GradeResult grade = grade(test(EXACT, TestStatus.FAILED, "lost updates: expected 2000, got 1999"),
                test(RULE, TestStatus.PASSED, ""));

        assertEquals(List.of(), Expectation.mismatches(entry, grade));
    }

    @Test
    void aTestThatMustFailButPassedOrLacksAKeyWordIsAMismatch() {
        CorpusEntry entry = buggy(Map.of(EXACT, List.of("lost updates"), MODEL, List.of("interleaving")), Set.of());
        GradeResult grade = grade(test(EXACT, TestStatus.PASSED, ""),
                test(MODEL, TestStatus.FAILED, "LockedCounter lost an update"));

        List<String> mismatches = Expectation.mismatches(entry, grade);

        assertEquals(2, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).startsWith(EXACT + " must fail but is passed"), mismatches.get(0));
        assertTrue(mismatches.get(1).contains("lacks [interleaving]"), mismatches.get(1));
    }

    @Test
    void anyOtherFailureIsAMismatchUnlessTheTestMayFail() {
        GradeResult grade = grade(test(EXACT, TestStatus.FAILED, "lost updates"),
                test(RULE, TestStatus.FAILED, "unlocks outside a finally block"));

        List<String> strict = Expectation.mismatches(buggy(Map.of(EXACT, List.of()), Set.of()), grade);
        List<String> lenient = Expectation.mismatches(buggy(Map.of(EXACT, List.of()), Set.of(RULE)), grade);

        assertEquals(1, strict.size(), strict.toString());
        assertTrue(strict.get(0).startsWith(RULE + " must pass but is failed"), strict.get(0));
        assertEquals(List.of(), lenient);
    }

    @Test
    void anInconclusiveVerdictCountsAsLostPointsAndAnInconclusivePassDoesNot() {
        GradeResult grade = grade(test(EXACT, TestStatus.INCONCLUSIVE, "inconclusive on this machine"),
                test(RULE, TestStatus.INCONCLUSIVE, "inconclusive on this machine"));

        List<String> mismatches = Expectation.mismatches(buggy(Map.of(EXACT, List.of("inconclusive")), Set.of()),
                grade);

        assertEquals(List.of(RULE + " must pass but is inconclusive: inconclusive on this machine"), mismatches);
    }

    @Test
    void aCorrectEntryNeedsFullMarksAndAGradedTask() {
        assertEquals(List.of(), Expectation.mismatches(correct(), grade(test(EXACT, TestStatus.PASSED, ""))));

        List<String> lost = Expectation.mismatches(correct(), grade(test(EXACT, TestStatus.TIMEOUT, "deadlock")));
        assertEquals(2, lost.size(), lost.toString());
        assertTrue(lost.get(1).contains("scored 0 / 2: a correct entry gets full marks"), lost.get(1));

        GradeResult notCompiled = GradeResult.of("entry", "hidden", 1, List.of(TaskResult.of("locks",
                TaskStatus.COMPILE_ERROR, "Bank.java:3: error", List.of(test(EXACT, TestStatus.NOT_RUN, "")))),
                List.of(), Map.of());
        List<String> mismatches = Expectation.mismatches(correct(), notCompiled);
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).contains("is compile_error, not graded"), mismatches.get(0));
    }

    @Test
    void aTestThatMustFailButWasNeverGradedIsAMismatch() {
        List<String> mismatches = Expectation.mismatches(buggy(Map.of(MODEL, List.of()), Set.of()),
                grade(test(EXACT, TestStatus.PASSED, "")));

        assertEquals(List.of(MODEL + " must fail but was not graded (no such test in the graded tasks)"), mismatches);
    }
}
