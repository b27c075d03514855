package lockstep.report.autolab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lockstep.model.GradeResult;
import lockstep.model.ScoreTable;
import lockstep.model.TaskResult;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;

/**
 * Autolab's console output: what the student reads (the score table, then every task-level message and every message
 * of a test that lost points, in full), ending with the line Autolab parses:
 * {@code {"scores": {"launch": 20, "race": 15, "locks": 0}, "scoreboard": [35, 20, 15, 0]}}. Its {@code scores}
 * hold one entry per task (the task ids are the problem names to declare in Autolab), the {@code scoreboard} the
 * total, then each task's points, in the grade's task order.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class AutolabWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AutolabWriter() {
    }

    /** The whole console output for {@code grade}, lines ending with {@code \n}; the last is {@link #scoreLine}. */
    public static String render(GradeResult grade) {
        StringBuilder out = new StringBuilder(ScoreTable.render(grade));
        for (TaskResult task : grade.tasks()) {
            boolean lostPoints = task.tests().stream().anyMatch(test -> test.status() != TestStatus.PASSED);
            if (task.message().isEmpty() && !lostPoints) {
                continue;
            }
            out.append("\n== task ").append(task.id()).append(": ").append(task.score()).append(" / ")
                    .append(task.maxScore()).append(" (").append(task.status()).append(")\n");
            if (!task.message().isEmpty()) {
                out.append(indent(task.message()));
            }
            for (TestResult test : task.tests()) {
                if (test.status() != TestStatus.PASSED) {
                    out.append("-- ").append(oneLine(test.name())).append(" [").append(test.status()).append("]\n");
                    if (!test.message().isEmpty()) {
                        out.append(indent(test.message()));
                    }
                }
            }
        }
        return out.append('\n').append(scoreLine(grade)).append('\n').toString();
    }

    /** The single line of JSON Autolab reads: {@code scores} by task and the {@code scoreboard} row. */
    public static String scoreLine(GradeResult grade) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode scores = root.putObject("scores");
        ArrayNode scoreboard = root.putArray("scoreboard").add(grade.score());
        for (TaskResult task : grade.tasks()) {
            scores.put(task.id(), task.score());
            scoreboard.add(task.score());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the Autolab score line", e);
        }
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        text.strip().lines().forEach(line -> out.append("   ").append(line).append('\n'));
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
