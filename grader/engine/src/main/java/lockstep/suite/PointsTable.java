package lockstep.suite;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The points table of a suite as Markdown: a row per graded test (task, test, points) and the total per task. The
 * README's tables are this output; a test keeps them in step with the suites.
 */
public final class PointsTable {

    private static final List<String> ORDER = List.of("launch", "race", "locks");

    private PointsTable() {
    }

    public static String render(Suite suite) {
        StringBuilder md = new StringBuilder();
        md.append("| task | test | points |\n|---|---|---:|\n");
        List<GradedTest> tests = suite.tests().stream()
                .sorted(Comparator.comparingInt((GradedTest t) -> rank(t.task())).thenComparing(GradedTest::id))
                .toList();
        for (GradedTest test : tests) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d |%n", test.task(),
                    test.displayName().replace("|", "\\|"), test.points()));
        }
        Map<String, Integer> totals = suite.pointsByTask();
        totals.entrySet().stream().sorted(Comparator.comparingInt(e -> rank(e.getKey()))).forEach(total ->
                md.append(String.format(Locale.ROOT, "| **%s** | **total** | **%d** |%n", total.getKey(),
                        total.getValue())));
        return md.toString().replace("\r", "");
    }

    private static int rank(String task) {
        int index = ORDER.indexOf(task);
        return index < 0 ? ORDER.size() : index;
    }
}
