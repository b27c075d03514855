package lockstep.hidden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles small submissions the way the grader does (javac, release 17, no annotation processing, with the grader's
 * {@code exercises.Counter}) into a folder, and imports a task's classes from it.
 */
final class SampleSubmission {

    /** The grader's Counter, as EXERCISES.md gives it. */
    static final String COUNTER = "package exercises; public interface Counter { void increment(); long get(); }";

    private final Path folder;

    SampleSubmission(Path folder) {
        this.folder = folder;
    }

    /** Compiles {@code exercises/Counter.java} and the task's classes (simple name to source) into a fresh folder. */
    ClassesOfTask compile(TaskPackage task, Map<String, String> sources) throws IOException {
        Path root = Files.createTempDirectory(folder, task.id());
        List<Path> files = new ArrayList<>();
        files.add(write(root.resolve("src/exercises/Counter.java"), COUNTER));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            files.add(write(root.resolve("src/" + task.packagePath() + "/" + source.getKey() + ".java"),
                    source.getValue()));
        }
        Path classes = root.resolve("classes");
        compileFiles(files, classes);
        return ClassesOfTask.importFrom(classes, task);
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Compiles as the grader does: javac, release 17, no annotation processing, the JDK alone to compile against. */
    static void compileFiles(List<Path> files, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
                "-implicit:none", "-nowarn", "-cp", "", "-d", classes.toString()));
        files.forEach(file -> arguments.add(file.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, () -> "the sample does not compile: " + errors.toString(StandardCharsets.UTF_8));
    }

    /** The 1-based line of the first occurrence of {@code fragment}. */
    static int line(String source, String fragment) {
        return line(source, fragment, 1);
    }

    /** The 1-based line of occurrence number {@code nth} of {@code fragment}. */
    static int line(String source, String fragment, int nth) {
        int at = -1;
        for (int i = 0; i < nth; i++) {
            at = source.indexOf(fragment, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException("no occurrence " + nth + " of " + fragment);
            }
        }
        return (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
