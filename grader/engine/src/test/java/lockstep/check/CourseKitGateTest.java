package lockstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.collect.CollectedSubmission;
import lockstep.collect.SubmissionCollector;
import lockstep.collect.Task;
import lockstep.compile.CompiledSubmission;
import lockstep.compile.CompiledTask;
import lockstep.compile.SubmissionCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The course kit itself goes through collect, compile and the sandbox gate untouched. */
class CourseKitGateTest {

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"solutions", "starter"})
    void theKitCompilesAndPassesTheGate(String module) throws IOException {
        Path folder = repository().resolve(module);
        assertTrue(Files.isDirectory(folder.resolve("src/main/java/exercises")), "no " + module + " sources at " + folder);

        CollectedSubmission collected = new SubmissionCollector().collect(folder);
        CompiledSubmission compiled = new SubmissionCompiler().compile(collected, out);

        assertEquals(List.of("exercises/Counter.java: the grader supplies its own Counter"), collected.ignoredLines());
        for (Task task : Task.values()) {
            CompiledTask result = compiled.task(task);
            assertTrue(result.compiled(), result::message);
            List<Violation> violations = SandboxGate.check(result);
            assertEquals(List.of(), violations, () -> SandboxGate.message(violations));
        }
    }

    private static Path repository() {
        String configured = System.getProperty("lockstep.repository");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        return here.endsWith(Path.of("grader", "engine")) ? here.getParent().getParent() : here;
    }
}
