package lockstep.collect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the grader read of one submission: the source files of each task, the problems that keep a task from
 * compiling, and the files it left out. Immutable; every task has an entry in both maps (possibly empty lists).
 *
 * @param sourceRoot     the folder holding {@code exercises/}, as resolved from the folder handed in
 * @param filesByTask    each task's source files, sorted by path
 * @param problemsByTask each task's problems with its files, in a student's words (a file too large, not UTF-8, too
 *                       many files); {@link #problems(Task)} adds the one for a task without any source file
 * @param ignored        the files under the source root that were not collected, with the reason, sorted by path
 */
public record CollectedSubmission(Path sourceRoot, Map<Task, List<SourceFile>> filesByTask,
                                  Map<Task, List<String>> problemsByTask, List<IgnoredFile> ignored) {

    public CollectedSubmission {
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        filesByTask = perTask(filesByTask);
        problemsByTask = perTask(problemsByTask);
        ignored = List.copyOf(ignored);
    }

    /** The source files of {@code task}, sorted by path; empty when it has none. */
    public List<SourceFile> files(Task task) {
        return filesByTask.get(task);
    }

    /**
     * The problems that keep {@code task} from compiling, such as {@code file exercises/race/RaceDemo.java is not UTF-8
     * text}, or {@code no source files for task race: ...} where it has no files at all; empty when it can be
     * compiled. A task with problems is reported as a compile error without running the compiler.
     */
    public List<String> problems(Task task) {
        List<String> problems = problemsByTask.get(task);
        if (problems.isEmpty() && files(task).isEmpty()) {
            String expected = task.expectedClasses().stream().map(name -> name + ".java")
                    .collect(Collectors.joining(", "));
            return List.of("no source files for task " + task.id() + ": expected .java files in " + task.folder()
                    + " (" + expected + ")");
        }
        return problems;
    }

    /**
     * This submission with the task files it lacks taken from {@code base} (such as the reference solution under a
     * sample that holds only the files it changes): a file of this submission always wins over the base's file of the
     * same path. Problems and ignored files stay this submission's; the base's problems count only for a task this
     * submission has no file of.
     */
    public CollectedSubmission over(CollectedSubmission base) {
        Map<Task, List<SourceFile>> files = new EnumMap<>(Task.class);
        Map<Task, List<String>> problems = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            List<SourceFile> own = files(task);
            Set<String> ownPaths = own.stream().map(SourceFile::path).collect(Collectors.toSet());
            List<SourceFile> merged = new ArrayList<>(own);
            base.files(task).stream().filter(file -> !ownPaths.contains(file.path())).forEach(merged::add);
            merged.sort(Comparator.comparing(SourceFile::path));
            files.put(task, merged);
            boolean untouched = own.isEmpty() && problemsByTask.get(task).isEmpty();
            problems.put(task, untouched ? base.problemsByTask().get(task) : problemsByTask.get(task));
        }
        return new CollectedSubmission(sourceRoot, files, problems, ignored);
    }

    /** The ignored files as the lines a grade lists, such as {@code exercises/Counter.java: the grader ...}. */
    public List<String> ignoredLines() {
        return ignored.stream().map(IgnoredFile::describe).toList();
    }

    private static <T> Map<Task, List<T>> perTask(Map<Task, List<T>> byTask) {
        Map<Task, List<T>> copy = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            List<T> values = byTask.get(task);
            copy.put(task, values == null ? List.of() : List.copyOf(values));
        }
        return Collections.unmodifiableMap(copy);
    }
}
