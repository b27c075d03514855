package lockstep.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import lockstep.collect.SourceFile;
import lockstep.collect.Task;

/**
 * Runs javac on one task's sources and the grader's Counter, with nothing but the JDK to compile against and no
 * annotation processing: compiling never runs anything from the submission.
 */
final class TaskCompiler {

    /** The errors shown one by one; the rest are counted. */
    static final int LISTED_ERRORS = 20;

    private static final List<String> OPTIONS = List.of(
            "--release", "17", "-proc:none", "-encoding", "UTF-8", "-implicit:none",
            "-Xlint:none", "-nowarn", "-Xmaxerrs", "100");

    /** Javac reports its own crashes (a stack overflow on absurdly deep code) only as a stack trace. */
    private static final CompileError GAVE_UP = CompileError.unplaced("error: the compiler gave up on this code (it"
            + " is nested too deeply): simplify the most deeply nested expression or statement");

    private final JavaCompiler javac;

    TaskCompiler(JavaCompiler javac) {
        this.javac = javac;
    }

    /** Compiles {@code files} of {@code task} into {@code classes}, which is emptied first. */
    CompiledTask compile(Task task, List<SourceFile> files, Path classes) throws IOException {
        OutputFolder.recreate(classes);
        List<InMemorySource> units = new ArrayList<>();
        units.add(new InMemorySource(GraderCounter.PATH, GraderCounter.SOURCE));
        files.forEach(file -> units.add(new InMemorySource(file.path(), file.content())));

        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<CompileError> errors = new ArrayList<>();
        Map<String, String> sourceByClass = new HashMap<>();
        try (StandardJavaFileManager standard =
                     javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
             OutputRecorder recorder = new OutputRecorder(standard)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            // Explicitly empty: left unset, javac would search the grader's own class path.
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            standard.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            boolean success = run(recorder, diagnostics, units, errors);
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(DiagnosticRenderer.render(diagnostic));
                }
            }
            if (!success && errors.isEmpty()) {
                errors.add(CompileError.unplaced("error: the compiler failed on task " + task.id()
                        + " without saying why"));
            }
            if (errors.isEmpty()) {
                recorder.sourceByClass().forEach((className, source) -> {
                    if (!className.equals(GraderCounter.CLASS_NAME)) {
                        sourceByClass.put(className.replace('.', '/'), source.path());
                        packageError(task, className, source)
                                .filter(error -> errors.stream().noneMatch(e -> e.path().equals(error.path())))
                                .ifPresent(errors::add);
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            OutputFolder.recreate(classes);
            return new CompiledTask(task, classes, errors.subList(0, Math.min(LISTED_ERRORS, errors.size())),
                    errors.size(), Map.of());
        }
        return new CompiledTask(task, classes, List.of(), 0, sourceByClass);
    }

    private boolean run(OutputRecorder recorder, DiagnosticCollector<JavaFileObject> diagnostics,
                        List<InMemorySource> units, List<CompileError> errors) {
        StringWriter javacOutput = new StringWriter();
        try {
            boolean success = javac.getTask(javacOutput, recorder, diagnostics, OPTIONS, null, units).call();
            if (!success && javacOutput.toString().contains("StackOverflowError")) {
                errors.add(GAVE_UP);
            }
            return success;
        } catch (RuntimeException | StackOverflowError crashed) {
            errors.add(GAVE_UP);
            return false;
        }
    }

    /** An error where a class is outside the task's package: it could stand in for another task's classes. */
    private static Optional<CompileError> packageError(Task task, String className, InMemorySource source) {
        if (className.startsWith(task.packageName() + ".")) {
            return Optional.empty();
        }
        int dot = className.lastIndexOf('.');
        String where = dot < 0 ? "the default package" : "package " + className.substring(0, dot);
        String simpleName = className.substring(dot + 1).replaceFirst("\\$.*", "");
        return Optional.of(new CompileError(source.path(), 0, String.format(Locale.ROOT,
                "%s: error: class %s is in %s, but the files of task %s must be in package %s"
                        + " (start the file with: package %s;)",
                source.path(), simpleName, where, task.id(), task.packageName(), task.packageName())));
    }
}
