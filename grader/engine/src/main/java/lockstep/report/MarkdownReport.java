package lockstep.report;

import java.util.Locale;
import static lockstep.report.MarkdownText.block;
import static lockstep.report.MarkdownText.inline;

import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;

/**
 * {@code report.md}: the student's feedback. A heading per task, a line per test, every message in full, and under a
 * stress or model-checked test its evidence on one line.
 */
public final class MarkdownReport {

    public static final String FILE = "report.md";

    private MarkdownReport() {
    }

    public static String render(GradeResult grade) {
        StringBuilder md = new StringBuilder();
        md.append("# Lockstep feedback: ").append(inline(grade.submission())).append("\n\n");
        md.append(String.format(Locale.ROOT, "**Score: %d / %d** (%s suite)%n%n",
                grade.score(), grade.maxScore(), grade.suite()));
        String modelChecking = grade.environment().getOrDefault("model_checking", "");
        if (modelChecking.startsWith("off")) {
            md.append("> Note: model checking was ").append(inline(modelChecking)).append(".\n\n");
        }
        md.append("| task | points | status |\n|---|---:|---|\n");
        for (TaskResult task : grade.tasks()) {
            md.append(String.format(Locale.ROOT, "| %s | %d / %d | %s |%n",
                    task.id(), task.score(), task.maxScore(), task.status()));
        }
        for (TaskResult task : grade.tasks()) {
            md.append(String.format(Locale.ROOT, "%n## Task `%s`: %d / %d%n%n", task.id(), task.score(), task.maxScore()));
            if (task.status() != TaskStatus.GRADED) {
                md.append("**").append(headline(task.status())).append("**\n\n");
            }
            if (!task.message().isEmpty()) {
                md.append(block(task.message())).append('\n');
            }
            for (TestResult test : task.tests()) {
                md.append(String.format(Locale.ROOT, "- %s %s (%d / %d)%s%n", mark(test.status()),
                        inline(test.name()), test.score(), test.maxScore(),
                        test.status() == TestStatus.PASSED ? "" : ": " + test.status()));
                boolean taskLevelReason = test.status() == TestStatus.NOT_RUN && task.status() != TaskStatus.GRADED;
                if (!test.messageWithoutEvidence().isBlank() && !taskLevelReason) {
                    md.append(indent(block(test.messageWithoutEvidence())));
                }
                if (test.evidence() != null) {
                    md.append("  ").append(inline(test.evidence().summary())).append('\n');
                }
            }
        }
        if (!grade.ignored().isEmpty()) {
            md.append("\n## Files the grader did not read\n\n");
            grade.ignored().forEach(file -> md.append("- ").append(inline(file)).append('\n'));
        }
        return md.toString();
    }

    private static String headline(TaskStatus status) {
        return switch (status) {
            case COMPILE_ERROR -> "Your code for this task does not compile, so none of its tests ran.";
            case RULE_VIOLATION -> "Your code for this task breaks a sandbox rule, so none of its tests ran.";
            case CRASHED -> "The test JVM stopped before this task's tests finished.";
            case TIMEOUT -> "This task's tests did not finish in time.";
            case GRADED -> "";
        };
    }

    private static String mark(TestStatus status) {
        return switch (status) {
            case PASSED -> "[pass]";
            case INCONCLUSIVE -> "[inconclusive]";
            case NOT_RUN -> "[not run]";
            default -> "[fail]";
        };
    }


    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n");
    }

}
