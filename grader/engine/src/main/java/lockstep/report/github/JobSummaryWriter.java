package lockstep.report.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lockstep.model.GradeResult;
import static lockstep.report.MarkdownText.block;
import static lockstep.report.MarkdownText.inline;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;

/**
 * A GitHub Actions job summary in GitHub-flavoured Markdown: the score table, then per task its points and status,
 * the task-level message (compiler output, the rules broken) folded in a {@code <details>} block, and every test that
 * lost points with the first line of its message. The full feedback stays in {@code report.md}.
 *
 * <p>Stateless and safe to call from any thread; {@link #append} is not atomic with other writers of the same file.
 */
public final class JobSummaryWriter {

    /** The variable GitHub Actions names the step's summary file in. */
    public static final String SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

    private JobSummaryWriter() {
    }

    /** The summary for {@code grade}, ending with a newline. */
    public static String render(GradeResult grade) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Lockstep: %s, %d / %d%n%n", inline(grade.submission()),
                grade.score(), grade.maxScore()));
        md.append("| task | points | status |\n|---|---:|---|\n");
        for (TaskResult task : grade.tasks()) {
            md.append(String.format(Locale.ROOT, "| %s | %d / %d | %s |%n", inline(task.id()), task.score(),
                    task.maxScore(), statusCell(task.status())));
        }
        for (TaskResult task : grade.tasks()) {
            md.append(String.format(Locale.ROOT, "%n### Task `%s`: %d / %d%n%n", task.id().replace("`", ""),
                    task.score(), task.maxScore()));
            if (task.status() != TaskStatus.GRADED) {
                md.append("**").append(headline(task.status())).append("**\n\n");
            }
            if (!task.message().isEmpty()) {
                md.append("<details><summary>").append(task.status() == TaskStatus.COMPILE_ERROR
                        ? "Compiler output" : "Details").append("</summary>\n\n")
                        .append(block(task.message())).append("\n</details>\n\n");
            }
            List<TestResult> lost = task.tests().stream().filter(test -> test.status() != TestStatus.PASSED).toList();
            if (lost.isEmpty()) {
                md.append(task.tests().isEmpty() ? "No tests.\n" : "All " + task.tests().size() + " tests passed.\n");
                continue;
            }
            int passed = task.tests().size() - lost.size();
            md.append(passed).append(" of ").append(task.tests().size()).append(" tests passed. Lost points:\n\n");
            for (TestResult test : lost) {
                String status = test.status().toString().replace('_', ' ');
                String first = test.firstLine().strip();
                if (first.startsWith(status + ": ")) {
                    first = first.substring(status.length() + 2);
                }
                md.append(String.format(Locale.ROOT, "- **%s** (0 / %d, %s)", inline(test.name()), test.maxScore(),
                        status)).append(first.isEmpty() ? "" : ": " + inline(first)).append('\n');
            }
        }
        return md.toString();
    }

    /**
     * Appends the summary for {@code grade} to the file named by {@value #SUMMARY_VARIABLE} in {@code environment}
     * (pass {@code System.getenv()}), creating it if needed.
     *
     * @return the file appended to, or empty where the variable is unset or blank (not running in GitHub Actions)
     */
    public static Optional<Path> append(GradeResult grade, Map<String, String> environment) throws IOException {
        String name = environment.get(SUMMARY_VARIABLE);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(name);
        Files.writeString(file, render(grade) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return Optional.of(file);
    }

    private static String statusCell(TaskStatus status) {
        return status == TaskStatus.GRADED ? "graded" : "**" + status + "**";
    }

    private static String headline(TaskStatus status) {
        return switch (status) {
            case GRADED -> "";
            case COMPILE_ERROR -> "Does not compile, so none of its tests ran.";
            case RULE_VIOLATION -> "Breaks a sandbox rule, so none of its tests ran.";
            case CRASHED -> "The test JVM stopped before this task's tests finished.";
            case TIMEOUT -> "This task's tests did not finish in time.";
        };
    }


}
