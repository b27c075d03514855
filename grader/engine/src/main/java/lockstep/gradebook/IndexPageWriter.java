package lockstep.gradebook;

import static lockstep.report.html.HtmlText.escape;

import java.util.List;
import java.util.Locale;
import lockstep.model.GradeResult;
import lockstep.report.html.PageStyle;

/**
 * {@code index.html}: the class overview as one self-contained page (inline CSS and SVG, no script, no external
 * resource): the distribution of totals, the share of the class that failed each test (which concept the class
 * struggled with), and a row per student linking to their feedback page ({@code <student>/report.html}).
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class IndexPageWriter {

    /** The file's name. */
    public static final String FILE = "index.html";

    private IndexPageWriter() {
    }

    /** The page for {@code entries}, students in their order. */
    public static String render(List<GradebookEntry> entries) {
        List<String> taskIds = Rows.taskIds(entries);
        long graded = entries.stream().filter(entry -> entry.result().isPresent()).count();
        StringBuilder html = new StringBuilder(PageStyle.head("Lockstep gradebook"));
        html.append("<header>\n<h1>Lockstep gradebook</h1>\n");
        html.append(String.format(Locale.ROOT, "<p class=\"meta\">%d %s: %d graded, %d not graded</p>%n",
                entries.size(), entries.size() == 1 ? "student" : "students", graded, entries.size() - graded));
        html.append("</header>\n");
        html.append("<section>\n<h2>Scores</h2>\n")
                .append(SvgCharts.histogram(ClassStatistics.histogram(entries))).append("</section>\n");
        List<ClassStatistics.TestRate> rates = ClassStatistics.testRates(entries);
        if (!rates.isEmpty()) {
            html.append("<section>\n<h2>Where the class lost points</h2>\n")
                    .append(SvgCharts.failureRates(rates)).append("</section>\n");
        }
        html.append("<section>\n<h2>Students</h2>\n<div class=\"table-scroll\">\n<table>\n<thead><tr><th>student</th>");
        taskIds.forEach(id -> html.append("<th class=\"num\">").append(escape(id)).append("</th>"));
        html.append("<th class=\"num\">total</th><th>status</th></tr></thead>\n<tbody>\n");
        for (GradebookEntry entry : entries) {
            html.append("<tr><td>").append(entry.reportLink().isEmpty() ? escape(entry.student())
                    : "<a href=\"" + escape(entry.reportLink()) + "\">" + escape(entry.student()) + "</a>")
                    .append("</td>");
            GradeResult grade = entry.result().orElse(null);
            for (String id : taskIds) {
                html.append("<td class=\"num\">").append(grade == null ? "" : Rows.task(grade, id)
                        .map(task -> task.score() + " / " + task.maxScore()).orElse("")).append("</td>");
            }
            html.append("<td class=\"num\">").append(grade == null ? "" : grade.score() + " / " + grade.maxScore())
                    .append("</td><td>")
                    .append(escape(grade == null ? "not graded: " + entry.problem() : Rows.status(entry)))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
        return html.append(PageStyle.foot()).toString();
    }
}
