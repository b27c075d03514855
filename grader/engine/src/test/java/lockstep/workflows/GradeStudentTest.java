package lockstep.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.report.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade-student.sh} and {@code build-gradebook.sh} as the grading jobs of grade-class.yml run them: a student's
 * repository checked out at the deadline and graded by the real grader (its launch task, with the public suite, to
 * keep this quick), a student with nothing to grade, a grader that fails, and the gradebook step.
 */
class GradeStudentTest {

    @TempDir
    Path dir;

    /** A stand-in for {@code ./grade}: this grader, run from the test class path, where both suites are. */
    private Path grader() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return executable("grade", "#!/usr/bin/env bash\nexec '" + java + "' -cp '" + classPath
                + "' lockstep.cli.Main \"$@\"\n");
    }

    private Path executable(String name, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void gradesTheRepositoryAsItWasAtTheDeadline() throws Exception {
        Map<String, String> env = new HashMap<>(ScriptRun.isolatedGit(Files.createDirectories(dir.resolve("home"))));
        Path repository = Files.createDirectories(dir.resolve("hw1-alice"));
        Path launcher = repository.resolve("starter/src/main/java/exercises/launch/Launcher.java");
        Files.createDirectories(launcher.getParent());
        Files.copy(ScriptRun.REPO.resolve("solutions/src/main/java/exercises/launch/Launcher.java"), launcher);
        env.put("GIT_AUTHOR_DATE", "2026-11-10T10:00:00Z");
        env.put("GIT_COMMITTER_DATE", "2026-11-10T10:00:00Z");
        for (List<String> command : List.of(List.of("git", "init", "--quiet", "--initial-branch=main"),
                List.of("git", "add", "--all"), List.of("git", "commit", "--quiet", "--message", "launch done"))) {
            ScriptRun run = ScriptRun.run(repository, env, Duration.ofMinutes(1), command);
            assertEquals(0, run.exitCode(), command + ": " + run);
        }
        ScriptRun checkout = ScriptRun.script(dir, env, "checkout-at-deadline.sh", repository.toString(),
                "submissions/alice", "2026-12-01T23:59:00+01:00", "results/alice");
        assertEquals(0, checkout.exitCode(), checkout.toString());

        env.put("GRADE", grader().toString());
        ScriptRun run = ScriptRun.script(dir, env, "grade-student.sh", "alice", "submissions", "results", "public",
                "--format", "json,md,console,html", "--task", "launch");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("Lockstep score for alice (public suite)"), run.toString());
        GradeResult result = ResultJson.read(dir.resolve("results/alice/result.json"));
        TaskResult launch = result.tasks().stream().filter(task -> task.id().equals("launch")).findFirst()
                .orElseThrow(() -> new AssertionError("no launch task in " + result));
        assertTrue(launch.maxScore() > 0);
        assertEquals(launch.maxScore(), launch.score(), run.toString());
        for (String file : List.of("report.md", "report.html", "commit.txt")) {
            assertTrue(Files.isRegularFile(dir.resolve("results/alice").resolve(file)), file);
        }
        assertFalse(Files.exists(dir.resolve("results/alice/problem.txt")));
    }

    @Test
    void aStudentWithNothingToGradeIsNotGraded() throws Exception {
        Files.createDirectories(dir.resolve("results/bob"));
        Files.writeString(dir.resolve("results/bob/problem.txt"), "No submission: the repository is empty.\n");
        Path grade = executable("grade", "#!/usr/bin/env bash\necho called >> '" + dir.resolve("called") + "'\n");
        ScriptRun run = ScriptRun.script(dir, Map.of("GRADE", grade.toString()), "grade-student.sh", "bob",
                "submissions", "results", "hidden");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("grade-student.sh: bob is not graded: No submission: the repository is empty.\n", run.stdout());
        assertFalse(Files.exists(dir.resolve("called")));
    }

    @Test
    void aGraderThatFailsLeavesAProblemAndFailsTheJob() throws Exception {
        Path grade = executable("grade", "#!/usr/bin/env bash\necho 'lockstep: the grader failed' >&2\nexit 1\n");
        ScriptRun run = ScriptRun.script(dir, Map.of("GRADE", grade.toString()), "grade-student.sh", "carol",
                "submissions", "results", "hidden");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("The grader failed on this submission (exit code 1): see the log of its grading job.",
                Files.readString(dir.resolve("results/carol/problem.txt")).strip());
    }

    @Test
    void aStudentNameThatIsNotOneIsAUsageError() throws Exception {
        ScriptRun run = ScriptRun.script(dir, Map.of("GRADE", "false"), "grade-student.sh", "../etc", "submissions",
                "results", "hidden");
        assertEquals(2, run.exitCode(), run.toString());
        assertFalse(Files.exists(dir.resolve("results")));
    }

    @Test
    void theGradebookStepCallsTheGradebookCommandAndFillsTheJobSummary() throws Exception {
        Files.createDirectories(dir.resolve("results/alice"));
        Path grade = executable("grade", """
                #!/usr/bin/env bash
                printf '%%s\\n' "$*" > '%s'
                printf '# Lockstep gradebook\\n' > "$5/gradebook.md"
                """.formatted(dir.resolve("arguments")));
        Path summary = dir.resolve("step-summary.md");
        ScriptRun run = ScriptRun.script(dir, Map.of("GRADE", grade.toString(), "GITHUB_STEP_SUMMARY",
                summary.toString()), "build-gradebook.sh", "results", "gradebook");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("gradebook --results results --out gradebook\n", Files.readString(dir.resolve("arguments")));
        assertEquals("# Lockstep gradebook\n", Files.readString(summary));
    }
}
