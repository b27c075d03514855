package lockstep.report.gradescope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import lockstep.model.GradeResult;
import static lockstep.report.MarkdownText.block;
import static lockstep.report.MarkdownText.inline;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.ReportFiles;

/**
 * Gradescope's autograder {@code results.json}: the grade's total as {@code score}, a Markdown summary (the task table,
 * every task-level message such as compiler output, the ignored files) as {@code output}, and one entry in
 * {@code tests} per graded test, numbered {@code task.test} from 1 and tagged with its task. Gradescope knows only
 * {@code passed} and {@code failed}; the test's own status heads its output. Everything is visible to the student
 * at once, the autograder's stdout is not.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class GradescopeWriter {

    /** The file Gradescope reads, in {@code /autograder/results/}. */
    public static final String FILE = "results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER;

    static {
        // LF on every platform, so the file is the same wherever it is rendered.
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        WRITER = MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
    }

    private GradescopeWriter() {
    }

    /** The {@code results.json} for {@code grade}, ending with a newline. */
    public static String render(GradeResult grade) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("score", grade.score());
        root.put("execution_time", grade.durationMs() / 1000.0);
        root.put("output", summary(grade));
        root.put("output_format", "md");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ArrayNode tests = root.putArray("tests");
        for (int t = 0; t < grade.tasks().size(); t++) {
            TaskResult task = grade.tasks().get(t);
            for (int i = 0; i < task.tests().size(); i++) {
                TestResult test = task.tests().get(i);
                ObjectNode entry = tests.addObject();
                entry.put("name", test.name());
                entry.put("number", (t + 1) + "." + (i + 1));
                entry.put("score", test.score());
                entry.put("max_score", test.maxScore());
                entry.put("status", test.status() == TestStatus.PASSED ? "passed" : "failed");
                entry.put("output", output(test));
                entry.put("output_format", "md");
                entry.putArray("tags").add(task.id());
                entry.put("visibility", "visible");
            }
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + FILE, e);
        }
    }

    /** Writes {@link #FILE} into {@code dir}, whole or not at all. */
    public static void write(GradeResult grade, Path dir) throws IOException {
        ReportFiles.writeAtomically(dir.resolve(FILE), render(grade));
    }

    private static String summary(GradeResult grade) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "**Lockstep score: %d / %d** (%s suite)%n%n",
                grade.score(), grade.maxScore(), inline(grade.suite())).replace("\r", ""));
        md.append("| task | points | status |\n|---|---:|---|\n");
        for (TaskResult task : grade.tasks()) {
            md.append(String.format(Locale.ROOT, "| %s | %d / %d | %s |%n",
                    inline(task.id()), task.score(), task.maxScore(), task.status()).replace("\r", ""));
        }
        for (TaskResult task : grade.tasks()) {
            if (!task.message().isEmpty()) {
                md.append("\n**Task ").append(inline(task.id())).append(": ")
                        .append(headline(task.status())).append("**\n\n").append(block(task.message()));
            }
        }
        if (!grade.ignored().isEmpty()) {
            md.append("\n**Files the grader did not read**\n\n");
            grade.ignored().forEach(file -> md.append("- ").append(inline(file)).append('\n'));
        }
        return md.toString();
    }

    private static String headline(TaskStatus status) {
        return switch (status) {
            case GRADED -> "graded";
            case COMPILE_ERROR -> "does not compile, so none of its tests ran";
            case RULE_VIOLATION -> "breaks a sandbox rule, so none of its tests ran";
            case CRASHED -> "the test JVM stopped before its tests finished";
            case TIMEOUT -> "its tests did not finish in time";
        };
    }

    private static String output(TestResult test) {
        if (test.status() == TestStatus.PASSED) {
            return test.message().isEmpty() ? "" : block(test.message());
        }
        String status = "**" + test.status().toString().replace('_', ' ') + "**\n\n";
        return status + (test.message().isEmpty() ? "" : block(test.message()));
    }


}
