package lockstep.gradebook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;

/** What every gradebook format shows of a row: the task columns, a task's points, the row's status. */
final class Rows {

    private Rows() {
    }

    /** The task ids across all grades, in the order they first appear (the assignment's order). */
    static List<String> taskIds(List<GradebookEntry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(entry -> entry.result().ifPresent(grade -> grade.tasks().forEach(t -> ids.add(t.id()))));
        return List.copyOf(ids);
    }

    /** The task's result in {@code grade}, if it has that task. */
    static Optional<TaskResult> task(GradeResult grade, String id) {
        return grade.tasks().stream().filter(task -> task.id().equals(id)).findFirst();
    }

    /**
     * The row's status: {@code graded} where every task was graded, else each task that was not with its status
     * ({@code race=compile_error locks=timeout}); {@code not_graded} where there is no grade at all.
     */
    static String status(GradebookEntry entry) {
        if (entry.result().isEmpty()) {
            return "not_graded";
        }
        String stopped = entry.result().get().tasks().stream().filter(task -> task.status() != TaskStatus.GRADED)
                .map(task -> task.id() + "=" + task.status()).collect(Collectors.joining(" "));
        return stopped.isEmpty() ? "graded" : stopped;
    }
}
