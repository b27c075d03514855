package lockstep.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import lockstep.collect.CollectedSubmission;
import lockstep.collect.Task;

/**
 * The compile stage: compiles each task of a collected submission on its own into {@code outDir/<task id>}, with the
 * grader's {@code exercises.Counter}, {@code --release 17}, an empty class path and no annotation processing. A task
 * that fails to compile, or whose sources could not be collected, never costs the other tasks anything. Holds no
 * per-submission state: one instance can compile many submissions, one call at a time or from several threads.
 */
public final class SubmissionCompiler {

    private final TaskCompiler compiler;

    /**
     * A compiler backed by the running JDK's javac.
     *
     * @throws IllegalStateException where the grader runs on a JRE without a Java compiler
     */
    public SubmissionCompiler() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the grader needs a JDK, not only a JRE: no Java compiler was found in "
                    + System.getProperty("java.home"));
        }
        this.compiler = new TaskCompiler(javac);
    }

    /** Compiles every task of {@code submission}, in the order of {@link Task}, under {@code outDir}. */
    public CompiledSubmission compile(CollectedSubmission submission, Path outDir) throws IOException {
        List<CompiledTask> tasks = new ArrayList<>();
        for (Task task : Task.values()) {
            tasks.add(compile(submission, task, outDir));
        }
        return new CompiledSubmission(tasks);
    }

    /**
     * Compiles one task into {@code outDir/<task id>}, emptied first. Where the collect stage found problems with the
     * task's sources (none at all, a file too large or not UTF-8), these are the compile errors and javac is not run.
     */
    public CompiledTask compile(CollectedSubmission submission, Task task, Path outDir) throws IOException {
        Objects.requireNonNull(submission, "submission");
        Path classes = outDir.resolve(task.id());
        List<String> problems = submission.problems(task);
        if (!problems.isEmpty()) {
            OutputFolder.recreate(classes);
            List<CompileError> errors = problems.stream().map(CompileError::unplaced).toList();
            return new CompiledTask(task, classes, errors, errors.size(), Map.of());
        }
        return compiler.compile(task, submission.files(task), classes);
    }
}
