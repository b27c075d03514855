package lockstep.suite;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test suite (hidden or public): where its compiled tests are and the graded tests it declares, by task.
 *
 * @param name     {@code hidden} or {@code public}
 * @param location a jar or a classes folder holding the suite's compiled tests
 * @param tests    every graded test of the suite, in a stable order
 */
public record Suite(String name, Path location, List<GradedTest> tests) {

    public Suite {
        tests = List.copyOf(tests);
    }

    /** The graded tests of one task, in a stable order. */
    public List<GradedTest> testsOf(String task) {
        return tests.stream().filter(t -> t.task().equals(task)).toList();
    }

    /** Declared points per task, in order of first appearance. */
    public Map<String, Integer> pointsByTask() {
        Map<String, Integer> points = new LinkedHashMap<>();
        tests.forEach(t -> points.merge(t.task(), t.points(), Integer::sum));
        return points;
    }
}
