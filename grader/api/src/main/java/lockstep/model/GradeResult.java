package lockstep.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical grade of one submission: what {@code result.json} holds and every report is rendered from.
 *
 * @param submission   the submission's name (its folder name)
 * @param suite        the suite graded with: {@code hidden} or {@code public}
 * @param score        the sum of the tasks' scores
 * @param maxScore     the sum of the tasks' maximums
 * @param durationMs   wall time of the whole grading
 * @param tasks        one entry per task, in the order of EXERCISES.md
 * @param ignored      files of the submission the grader did not read, with the reason
 * @param environment  facts needed to replay a disputed grade (JDK, cores, limits)
 */
public record GradeResult(String submission, String suite, int score, int maxScore, long durationMs,
                          List<TaskResult> tasks, List<String> ignored, Map<String, String> environment) {

    public GradeResult {
        Objects.requireNonNull(submission, "submission");
        tasks = List.copyOf(tasks);
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
        environment = environment == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(environment));
        if (score != tasks.stream().mapToInt(TaskResult::score).sum()
                || maxScore != tasks.stream().mapToInt(TaskResult::maxScore).sum()) {
            throw new IllegalArgumentException("score and max_score must be the sums of the tasks");
        }
    }

    /** A grade whose totals are summed from {@code tasks}. */
    public static GradeResult of(String submission, String suite, long durationMs, List<TaskResult> tasks,
                                 List<String> ignored, Map<String, String> environment) {
        return new GradeResult(submission, suite,
                tasks.stream().mapToInt(TaskResult::score).sum(),
                tasks.stream().mapToInt(TaskResult::maxScore).sum(),
                durationMs, tasks, ignored, environment);
    }
}
