package lockstep.compile;

import java.util.List;
import lockstep.collect.Task;

/**
 * The compile stage's output: one {@link CompiledTask} per task, in the order of {@link Task}.
 *
 * @param tasks every task's outcome
 */
public record CompiledSubmission(List<CompiledTask> tasks) {

    public CompiledSubmission {
        tasks = List.copyOf(tasks);
    }

    /** The outcome for {@code task}. */
    public CompiledTask task(Task task) {
        return tasks.stream().filter(compiled -> compiled.task() == task).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task " + task.id() + " was not compiled"));
    }
}
