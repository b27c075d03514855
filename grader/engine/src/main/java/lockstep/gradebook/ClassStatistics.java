package lockstep.gradebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;

/**
 * The counts the class overview draws, taken from the saved grades only: how the totals spread, and how often each
 * test did not pass across the class (which concept the class struggled with).
 */
final class ClassStatistics {

    /** How many bins the histogram has. */
    static final int BINS = 10;
    /** How wide each bin is, in percentage points of the maximum. */
    static final int BIN_WIDTH = 100 / BINS;

    /**
     * Students whose total, as whole percent of their maximum rounded down, lies in {@code from..to}.
     */
    record Bin(int from, int to, int students) {
    }

    /**
     * One test across the class.
     *
     * @param task     its task
     * @param name     the line a student reads
     * @param students how many grades hold the test
     * @param failed   how many of them found it failed, in error or timed out
     * @param notRun   how many of them did not run it or could not tell (not run, inconclusive)
     */
    record TestRate(String task, String name, int students, int failed, int notRun) {

        double failedShare() {
            return students == 0 ? 0 : (double) failed / students;
        }

        double notRunShare() {
            return students == 0 ? 0 : (double) notRun / students;
        }

        /** This test's counts together with {@code other}'s, under this test's name. */
        TestRate plus(TestRate other) {
            return new TestRate(task, name, students + other.students, failed + other.failed, notRun + other.notRun);
        }
    }

    /** A test across grades: its task and its stable id. */
    private record Key(String task, String test) {
    }

    private ClassStatistics() {
    }

    /** Ten bins, 0–9 % to 90–100 %, of the students with a grade; a maximum of 0 counts as 0 %. */
    static List<Bin> histogram(List<GradebookEntry> entries) {
        int[] counts = new int[BINS];
        for (GradebookEntry entry : entries) {
            entry.result().ifPresent(grade -> counts[Math.min(BINS - 1, percent(grade) / BIN_WIDTH)]++);
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            bins.add(new Bin(i * BIN_WIDTH, i == BINS - 1 ? 100 : (i + 1) * BIN_WIDTH - 1, counts[i]));
        }
        return bins;
    }

    /** Every test of the grades, in the order they first appear, named as where it first appears. */
    static List<TestRate> testRates(List<GradebookEntry> entries) {
        Map<Key, TestRate> rates = new LinkedHashMap<>();
        for (GradebookEntry entry : entries) {
            if (entry.result().isEmpty()) {
                continue;
            }
            for (TaskResult task : entry.result().get().tasks()) {
                for (TestResult test : task.tests()) {
                    TestStatus status = test.status();
                    int failed = status == TestStatus.FAILED || status == TestStatus.ERROR
                            || status == TestStatus.TIMEOUT ? 1 : 0;
                    int notRun = status == TestStatus.NOT_RUN || status == TestStatus.INCONCLUSIVE ? 1 : 0;
                    rates.merge(new Key(task.id(), test.id()), new TestRate(task.id(), test.name(), 1, failed, notRun),
                            TestRate::plus);
                }
            }
        }
        return List.copyOf(rates.values());
    }

    /** The grade's total as whole percent of its maximum, rounded down. */
    static int percent(GradeResult grade) {
        return grade.maxScore() == 0 ? 0 : (int) (100L * grade.score() / grade.maxScore());
    }
}
