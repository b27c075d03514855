package lockstep.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lockstep.collect.Task;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;

/**
 * Judges a grade against what a corpus entry declares: a pure function from the entry and the grade to the list of
 * mismatches, each a sentence; an empty list means the entry was graded as expected.
 */
final class Expectation {

    /**
     * The statuses of a test that ran and lost its points. {@code inconclusive} is one: where a stress test's canary
     * runs through the submission's own code, it can be the deterministic verdict; the key words say which.
     */
    private static final Set<TestStatus> LOST = Set.of(TestStatus.FAILED, TestStatus.ERROR, TestStatus.TIMEOUT,
            TestStatus.INCONCLUSIVE);

    private Expectation() {
    }

    /**
     * Every way {@code grade} differs from what {@code entry} declares: each graded task ran; each test that must
     * fail lost its points and its message holds every key word; every other test passed, except the ones that may
     * fail; a correct entry without a gap has full marks; and nothing but the entry's tasks was graded.
     */
    static List<String> mismatches(CorpusEntry entry, GradeResult grade) {
        List<String> mismatches = new ArrayList<>();
        Set<String> graded = grade.tasks().stream().map(TaskResult::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = entry.tasks().stream().map(Task::id).collect(Collectors.toCollection(TreeSet::new));
        if (!graded.equals(expected)) {
            mismatches.add("graded tasks " + graded + ", expected " + expected);
        }
        Set<String> seen = new TreeSet<>();
        for (TaskResult task : grade.tasks()) {
            if (task.status() != TaskStatus.GRADED) {
                mismatches.add("task " + task.id() + " is " + task.status() + ", not graded: " + task.message());
                continue;
            }
            for (TestResult test : task.tests()) {
                seen.add(test.id());
                judge(entry, test).ifPresent(mismatches::add);
            }
            if (entry.kind() == CorpusEntry.Kind.CORRECT && entry.judgedRight() && task.score() != task.maxScore()) {
                mismatches.add("task " + task.id() + " scored " + task.score() + " / " + task.maxScore()
                        + ": a correct entry gets full marks");
            }
        }
        for (String id : entry.mustFail().keySet()) {
            if (!seen.contains(id)) {
                mismatches.add(id + " must fail but was not graded (no such test in the graded tasks)");
            }
        }
        for (String id : entry.mayFail()) {
            if (!seen.contains(id)) {
                mismatches.add(id + " may fail but was not graded (no such test in the graded tasks)");
            }
        }
        return mismatches;
    }

    private static Optional<String> judge(CorpusEntry entry, TestResult test) {
        Map<String, List<String>> mustFail = entry.mustFail();
        if (mustFail.containsKey(test.id())) {
            if (!LOST.contains(test.status())) {
                return Optional.of(test.id() + " must fail but is " + test.status()
                        + (test.message().isEmpty() ? "" : ": " + test.message()));
            }
            List<String> missing = mustFail.get(test.id()).stream().filter(word -> !test.message().contains(word))
                    .toList();
            return missing.isEmpty() ? Optional.empty()
                    : Optional.of(test.id() + " failed, but its message lacks " + missing + ": "
                            + test.message());
        }
        if (entry.mayFail().contains(test.id()) || test.status() == TestStatus.PASSED) {
            return Optional.empty();
        }
        return Optional.of(test.id() + " must pass but is " + test.status() + ": " + test.message());
    }
}
