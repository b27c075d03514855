package lockstep.gradebook;

import static lockstep.report.MarkdownText.inline;

import java.util.List;
import java.util.Locale;
import lockstep.model.GradeResult;

/**
 * {@code gradebook.md}: the class at a glance in Markdown, a table row per student (linked to their feedback page)
 * with each task's points, the total and the row's status; for a student without a grade, the problem.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class MarkdownGradebookWriter {

    /** The file's name. */
    public static final String FILE = "gradebook.md";

    private MarkdownGradebookWriter() {
    }

    /** The Markdown for {@code entries}, in their order. */
    public static String render(List<GradebookEntry> entries) {
        List<String> taskIds = Rows.taskIds(entries);
        long graded = entries.stream().filter(entry -> entry.result().isPresent()).count();
        StringBuilder md = new StringBuilder("# Lockstep gradebook\n\n");
        md.append(String.format(Locale.ROOT, "%d %s: %d graded, %d not graded.%n%n", entries.size(),
                entries.size() == 1 ? "student" : "students", graded, entries.size() - graded));
        md.append("| student |");
        taskIds.forEach(id -> md.append(' ').append(inline(id)).append(" |"));
        md.append(" total | status |\n|---|");
        taskIds.forEach(id -> md.append("---:|"));
        md.append("---:|---|\n");
        for (GradebookEntry entry : entries) {
            md.append("| ").append(entry.reportLink().isEmpty() ? inline(entry.student())
                    : "[" + inline(entry.student()) + "](" + destination(entry.reportLink()) + ")").append(" |");
            GradeResult grade = entry.result().orElse(null);
            for (String id : taskIds) {
                md.append(' ').append(grade == null ? "" : Rows.task(grade, id)
                        .map(task -> task.score() + " / " + task.maxScore()).orElse("")).append(" |");
            }
            md.append(' ').append(grade == null ? "" : grade.score() + " / " + grade.maxScore()).append(" | ");
            md.append(inline(grade == null ? "not graded: " + entry.problem() : Rows.status(entry))).append(" |\n");
        }
        return md.toString();
    }


    /** A link destination with no character that would end it early. */
    private static String destination(String link) {
        return link.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replaceAll("[\\r\\n]", "");
    }
}
