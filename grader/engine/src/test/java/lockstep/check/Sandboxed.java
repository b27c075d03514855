package lockstep.check;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.collect.SubmissionCollector;
import lockstep.collect.Task;
import lockstep.compile.CompiledTask;
import lockstep.compile.SubmissionCompiler;

/** A simulated student: writes sources of task {@code race}, compiles them with the compile stage, and checks them. */
final class Sandboxed {

    private static final SubmissionCompiler COMPILER = new SubmissionCompiler();

    private Sandboxed() {
    }

    /** The violations in {@code sources} (path under {@code exercises/race/}, then source, repeated). */
    static List<Violation> violations(Path dir, String... pathsAndSources) throws IOException {
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            Path file = dir.resolve("src/exercises/race").resolve(pathsAndSources[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndSources[i + 1], UTF_8);
        }
        CompiledTask race = COMPILER.compile(new SubmissionCollector().collect(dir.resolve("src")), Task.RACE,
                dir.resolve("classes"));
        assertTrue(race.compiled(), race::message);
        return SandboxGate.check(race);
    }

    /** The violations in {@code RaceDemo.run} when its body is {@code statement} (on line 4). */
    static List<Violation> statement(Path dir, String statement) throws IOException {
        return violations(dir, "RaceDemo.java", """
                package exercises.race;
                final class RaceDemo {
                    static void run() throws Exception {
                        %s
                    }
                }
                """.formatted(statement));
    }
}
