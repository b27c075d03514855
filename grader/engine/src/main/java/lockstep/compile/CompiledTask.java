package lockstep.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import lockstep.collect.Task;

/**
 * The outcome of compiling one task.
 *
 * @param task          the task
 * @param classes       the class output folder ({@code outDir/<task>}): the task's classes and the grader's
 *                      {@code exercises/Counter.class}, ready for a class path; holds nothing when not compiled
 * @param errors        the first errors, in the compiler's order; empty when the task compiled
 * @param errorCount    how many errors there were in all (at least {@code errors.size()})
 * @param sourceByClass for each class compiled from the submission, its internal name (such as
 *                      {@code exercises/race/RaceDemo$1}) mapped to its source path (such as
 *                      {@code exercises/race/RaceDemo.java}); the grader's Counter is not in it
 */
public record CompiledTask(Task task, Path classes, List<CompileError> errors, int errorCount,
                           Map<String, String> sourceByClass) {

    public CompiledTask {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(classes, "classes");
        errors = List.copyOf(errors);
        sourceByClass = Map.copyOf(sourceByClass);
        if (errorCount < errors.size()) {
            throw new IllegalArgumentException("errorCount below the errors listed");
        }
    }

    /** Whether the task compiled, so its classes can be checked and run. */
    public boolean compiled() {
        return errors.isEmpty();
    }

    /**
     * The compile error message for the task's result: every listed error, a line saying how many were left out,
     * and the total; empty when the task compiled.
     */
    public String message() {
        if (compiled()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (CompileError error : errors) {
            out.append(error.rendered()).append('\n');
        }
        int hidden = errorCount - errors.size();
        if (hidden > 0) {
            out.append(String.format(Locale.ROOT, "... and %d more %s not shown%n", hidden,
                    hidden == 1 ? "error" : "errors").replace("\r", ""));
        }
        out.append(errorCount).append(errorCount == 1 ? " error" : " errors");
        return out.toString();
    }
}
