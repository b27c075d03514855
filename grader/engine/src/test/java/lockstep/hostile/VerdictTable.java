package lockstep.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import lockstep.model.TaskResult;

/** Renders verdicts as a Markdown table: one row per case, what it attacked and what grading came to. */
final class VerdictTable {

    /** The longest message shown in a cell; the rest is cut with an ellipsis. */
    private static final int MESSAGE_CHARS = 110;

    private VerdictTable() {
    }

    /** The table of {@code verdicts}, with a total line. */
    static String render(List<Verdict> verdicts) {
        StringBuilder out = new StringBuilder();
        out.append("| case | attack | task | status | score | message (first line) | time to verdict | other task |\n");
        out.append("|---|---|---|---|---:|---|---:|---|\n");
        Duration total = Duration.ZERO;
        for (Verdict verdict : verdicts) {
            TaskResult task = verdict.attacked();
            String tasks = verdict.hostile().tasks().size() > 1 ? "all" : task.id();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d / %d | %s | %s | %s |%n",
                    verdict.hostile().name(), cell(verdict.hostile().attack()), tasks, task.status(),
                    task.score(), task.maxScore(), cell(firstLine(message(task))), seconds(verdict.elapsed()),
                    bystander(verdict)));
            total = total.plus(verdict.elapsed());
        }
        out.append(String.format(Locale.ROOT, "%n%d cases, %s in all.%n", verdicts.size(), seconds(total)));
        return out.toString();
    }

    /** The task's message, or for a task whose run completed, the first message of a test that lost points. */
    private static String message(TaskResult task) {
        if (!task.message().isBlank()) {
            return task.message();
        }
        return task.tests().stream().filter(test -> test.score() < test.maxScore()).map(test -> test.message())
                .findFirst().orElse("");
    }

    private static String bystander(Verdict verdict) {
        return verdict.bystander().map(task -> String.format(Locale.ROOT, "%s %s %d / %d: %s", task.id(),
                task.status(), task.score(), task.maxScore(), verdict.bystanderUnaffected() ? "unaffected" : "AFFECTED"))
                .orElse("-");
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= MESSAGE_CHARS ? line : line.substring(0, MESSAGE_CHARS) + "...";
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
