package lockstep.model;

import java.util.Locale;

/**
 * Renders a grade as the plain-text score table printed at the end of grading and of the student's self-check:
 * a row per task (points, maximum, status) and, under it, one line for every test that lost points.
 */
public final class ScoreTable {

    private static final int REASON_WIDTH = 150;

    private ScoreTable() {
    }

    /** The table for {@code grade}, lines separated by {@code \n}, ending with a newline. */
    public static String render(GradeResult grade) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(72) + "\n";
        out.append(rule);
        out.append(String.format(Locale.ROOT, "Lockstep score for %s (%s suite): %d / %d%n",
                grade.submission(), grade.suite(), grade.score(), grade.maxScore()).replace("\r", ""));
        out.append(rule);
        out.append(String.format(Locale.ROOT, "%-8s %7s  %s%n", "task", "points", "status").replace("\r", ""));
        for (TaskResult task : grade.tasks()) {
            out.append(String.format(Locale.ROOT, "%-8s %3d/%-3d  %s%n",
                    task.id(), task.score(), task.maxScore(), task.status()).replace("\r", ""));
            if (task.status() != TaskStatus.GRADED && !task.message().isEmpty()) {
                out.append("         ").append(oneLine(firstLine(task.message()))).append('\n');
            }
            for (TestResult test : task.tests()) {
                if (test.status() != TestStatus.PASSED) {
                    out.append(String.format(Locale.ROOT, "   -%d %-12s %s%s%n", test.maxScore(),
                            "[" + test.status() + "]", test.name(),
                            test.message().isEmpty() ? "" : ": " + oneLine(test.firstLine())).replace("\r", ""));
                }
            }
        }
        out.append(rule);
        return out.toString();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String oneLine(String text) {
        // No control characters: a message must not send escape codes to the instructor's terminal.
        String flat = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return flat.length() <= REASON_WIDTH ? flat : flat.substring(0, REASON_WIDTH - 3) + "...";
    }
}
