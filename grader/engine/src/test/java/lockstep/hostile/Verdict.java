package lockstep.hostile;

import java.time.Duration;
import java.util.Optional;
import lockstep.collect.Task;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;

/**
 * What grading one hostile case came to, and how long it took.
 *
 * @param hostile the case
 * @param grade   the grade, as the real {@code Grader} returned it
 * @param elapsed the wall time from the call to the grade in hand (compiling, checking and every task's run)
 */
record Verdict(HostileCase hostile, GradeResult grade, Duration elapsed) {

    /** The result of {@code task}, which the case graded. */
    TaskResult task(Task task) {
        return grade.tasks().stream().filter(t -> t.id().equals(task.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(hostile + " did not grade task " + task.id()));
    }

    /** The first attacked task's result (the only one, but for cases that attack every task). */
    TaskResult attacked() {
        return task(hostile.tasks().stream().sorted().findFirst().orElseThrow());
    }

    /** The bystander's result, where the case has one. */
    Optional<TaskResult> bystander() {
        return hostile.bystander().map(this::task);
    }

    /** Whether the bystander, if any, came out with its full marks and a normal run. */
    boolean bystanderUnaffected() {
        return bystander().map(Verdict::untouched).orElse(true);
    }

    /** Everything a student reads about {@code task}: the task's message and every test's message. */
    static String feedback(TaskResult task) {
        StringBuilder text = new StringBuilder(task.message());
        task.tests().forEach(test -> text.append('\n').append(test.message()));
        return text.toString();
    }

    /** Everything a student reads about the whole grade: every task's feedback and the ignored files. */
    String feedback() {
        StringBuilder text = new StringBuilder();
        grade.tasks().forEach(task -> text.append(feedback(task)).append('\n'));
        grade.ignored().forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static boolean untouched(TaskResult task) {
        return task.status() == TaskStatus.GRADED && task.score() == task.maxScore();
    }
}
