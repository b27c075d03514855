package lockstep.report.prairielearn;

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
import lockstep.model.ScoreTable;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.ReportFiles;

/**
 * PrairieLearn's external-grader {@code results.json}: {@code gradable}, {@code score} as a fraction in 0..1,
 * a one-line {@code message}, the plain-text {@code output} (the score table and every task-level message in full)
 * and one entry in {@code tests} per graded test ({@code name}, {@code points}, {@code max_points}, a one-line
 * {@code message} and the full {@code output}). Test names start with their task, as PrairieLearn lists the tests
 * of all tasks together.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class PrairieLearnWriter {

    /** The file PrairieLearn reads, in {@code /grade/results/}. */
    public static final String FILE = "results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        WRITER = MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
    }

    private PrairieLearnWriter() {
    }

    /**
     * Whether PrairieLearn should count the submission as graded. It is not gradable exactly when nothing of it was
     * measured: no task has the status {@code graded} and every test of every task has the status {@code not_run}
     * (as when no sources were found, or no task compiled or passed the sandbox gate), or the grade has no tasks.
     * PrairieLearn then shows the submission as invalid and does not count it as an attempt. A single test that ran,
     * whatever it found, makes the submission gradable.
     */
    public static boolean gradable(GradeResult grade) {
        return grade.tasks().stream().anyMatch(task -> task.status() == TaskStatus.GRADED
                || task.tests().stream().anyMatch(test -> test.status() != TestStatus.NOT_RUN));
    }

    /** The {@code results.json} for {@code grade}, ending with a newline. */
    public static String render(GradeResult grade) {
        boolean gradable = gradable(grade);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("gradable", gradable);
        root.put("score", gradable && grade.maxScore() > 0 ? (double) grade.score() / grade.maxScore() : 0.0);
        root.put("message", gradable
                ? String.format(Locale.ROOT, "Lockstep score: %d / %d (%s suite)", grade.score(), grade.maxScore(),
                        grade.suite())
                : "Your submission could not be graded: " + reason(grade));
        root.put("output", output(grade));
        ArrayNode tests = root.putArray("tests");
        for (TaskResult task : grade.tasks()) {
            for (TestResult test : task.tests()) {
                ObjectNode entry = tests.addObject();
                entry.put("name", task.id() + ": " + test.name());
                entry.put("points", test.score());
                entry.put("max_points", test.maxScore());
                entry.put("message", summary(test));
                entry.put("output", test.message());
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

    /** The status in words and the message's first line, which may already start with it ("not run: ..."). */
    private static String summary(TestResult test) {
        String status = test.status().toString().replace('_', ' ');
        String first = test.firstLine().strip();
        if (test.status() == TestStatus.PASSED || first.isEmpty()) {
            return status;
        }
        return first.startsWith(status) ? first : status + ": " + first;
    }

    /** The first line of the first task-level message: what kept the whole submission from running. */
    private static String reason(GradeResult grade) {
        return grade.tasks().stream().map(TaskResult::message).filter(message -> !message.isBlank())
                .map(message -> message.strip().lines().findFirst().orElse(""))
                .findFirst().orElse("none of its tasks could be run");
    }

    private static String output(GradeResult grade) {
        StringBuilder out = new StringBuilder(ScoreTable.render(grade));
        for (TaskResult task : grade.tasks()) {
            if (!task.message().isEmpty()) {
                out.append("\nTask ").append(task.id()).append(" (").append(task.status()).append("):\n")
                        .append(task.message().strip()).append('\n');
            }
        }
        return out.toString();
    }
}
