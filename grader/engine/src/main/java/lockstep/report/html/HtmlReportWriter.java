package lockstep.report.html;

import static lockstep.report.html.HtmlText.escape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.ReportFiles;

/**
 * {@code report.html}: one submission's feedback as a single self-contained page (inline CSS, no script, no external
 * resource), readable on a phone: the score, a bar per task, then each task's tests with their status, their
 * messages in full and their evidence (what the stress runs and model checks did). Every text from the grade is
 * {@linkplain HtmlText#escape escaped}.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class HtmlReportWriter {

    /** The page's file name; the gradebook links to {@code <student>/report.html}. */
    public static final String FILE = "report.html";

    private HtmlReportWriter() {
    }

    /** The page for {@code grade}. */
    public static String render(GradeResult grade) {
        StringBuilder html = new StringBuilder();
        String title = "Lockstep feedback: " + grade.submission();
        html.append(PageStyle.head(title));
        html.append("<header>\n<h1>").append(escape(title)).append("</h1>\n");
        html.append(String.format(Locale.ROOT, "<p class=\"score\"><strong>%d</strong> / %d points</p>%n",
                grade.score(), grade.maxScore()));
        html.append("<p class=\"meta\">").append(escape(grade.suite())).append(" suite, graded in ")
                .append(String.format(Locale.ROOT, "%.1f", grade.durationMs() / 1000.0)).append(" s</p>\n");
        html.append("</header>\n");
        html.append("<section aria-label=\"Points per task\" class=\"bars\">\n");
        for (TaskResult task : grade.tasks()) {
            html.append(taskBar(task));
        }
        html.append("</section>\n");
        for (TaskResult task : grade.tasks()) {
            html.append(taskSection(task));
        }
        if (!grade.ignored().isEmpty()) {
            html.append("<section>\n<h2>Files the grader did not read</h2>\n<ul>\n");
            grade.ignored().forEach(file -> html.append("<li>").append(escape(file)).append("</li>\n"));
            html.append("</ul>\n</section>\n");
        }
        if (!grade.environment().isEmpty()) {
            html.append("<details class=\"env\"><summary>How this was graded</summary>\n<dl>\n");
            for (Map.Entry<String, String> fact : new TreeMap<>(grade.environment()).entrySet()) {
                html.append("<dt>").append(escape(fact.getKey())).append("</dt><dd>").append(escape(fact.getValue()))
                        .append("</dd>\n");
            }
            html.append("</dl>\n</details>\n");
        }
        return html.append(PageStyle.foot()).toString();
    }

    /** Writes {@link #FILE} into {@code dir}, whole or not at all. */
    public static void write(GradeResult grade, Path dir) throws IOException {
        ReportFiles.writeAtomically(dir.resolve(FILE), render(grade));
    }

    private static String taskBar(TaskResult task) {
        double percent = task.maxScore() == 0 ? 0 : 100.0 * task.score() / task.maxScore();
        return String.format(Locale.ROOT, "<a class=\"bar-row\" href=\"#task-%1$s\">"
                        + "<span class=\"bar-label\">%1$s</span>"
                        + "<span class=\"bar\" role=\"img\" aria-label=\"%2$d of %3$d points\">"
                        + "<span class=\"fill\" style=\"width:%4$.1f%%\"></span></span>"
                        + "<span class=\"bar-points\">%2$d / %3$d</span>"
                        + "<span class=\"badge %5$s\">%6$s</span></a>%n",
                escape(task.id()), task.score(), task.maxScore(), percent, cssClass(task.status()),
                escape(label(task.status())));
    }

    private static String taskSection(TaskResult task) {
        StringBuilder html = new StringBuilder();
        html.append(String.format(Locale.ROOT, "<section class=\"task\" id=\"task-%1$s\">%n"
                + "<h2>Task %1$s <span class=\"points\">%2$d / %3$d</span></h2>%n",
                escape(task.id()), task.score(), task.maxScore()));
        if (task.status() != TaskStatus.GRADED) {
            html.append("<p class=\"alert\">").append(escape(headline(task.status()))).append("</p>\n");
        }
        if (!task.message().isEmpty()) {
            // Compiler output keeps its lines, so the caret stays under its column; it scrolls instead.
            html.append("<pre class=\"code\">").append(escape(task.message().strip())).append("</pre>\n");
        }
        html.append("<ul class=\"tests\">\n");
        for (TestResult test : task.tests()) {
            html.append(String.format(Locale.ROOT, "<li class=\"test\"><div class=\"test-head\">"
                            + "<span class=\"badge %s\">%s</span> <span class=\"test-name\">%s</span> "
                            + "<span class=\"points\">%d / %d</span></div>%n",
                    cssClass(test.status()), escape(label(test.status())), escape(test.name()), test.score(),
                    test.maxScore()));
            if (!test.messageWithoutEvidence().isBlank()) {
                html.append("<pre>").append(escape(test.messageWithoutEvidence().strip())).append("</pre>\n");
            }
            if (test.evidence() != null) {
                html.append("<p class=\"evidence\">")
                        .append(String.join("<br>", test.evidence().lines().stream().map(HtmlText::escape).toList()))
                        .append("</p>\n");
            }
            html.append("</li>\n");
        }
        return html.append("</ul>\n</section>\n").toString();
    }

    private static String headline(TaskStatus status) {
        return switch (status) {
            case GRADED -> "";
            case COMPILE_ERROR -> "Your code for this task does not compile, so none of its tests ran.";
            case RULE_VIOLATION -> "Your code for this task breaks a sandbox rule, so none of its tests ran.";
            case CRASHED -> "The test JVM stopped before this task's tests finished.";
            case TIMEOUT -> "This task's tests did not finish in time.";
        };
    }

    private static String label(Enum<?> status) {
        return status.toString().replace('_', ' ');
    }

    /** A CSS class per colour: the status is also written out, so colour is never the only signal. */
    private static String cssClass(TaskStatus status) {
        return status == TaskStatus.GRADED ? "ok" : "bad";
    }

    private static String cssClass(TestStatus status) {
        return switch (status) {
            case PASSED -> "ok";
            case FAILED, ERROR, TIMEOUT -> "bad";
            case INCONCLUSIVE -> "warn";
            case NOT_RUN -> "off";
        };
    }
}
