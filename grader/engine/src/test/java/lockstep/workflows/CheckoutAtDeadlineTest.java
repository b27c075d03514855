package lockstep.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader/github/checkout-at-deadline.sh} against local repositories whose commits carry chosen dates: the last
 * commit at or before the deadline is checked out; no commit by then, an empty and a missing repository each leave a
 * {@code problem.txt} instead.
 */
class CheckoutAtDeadlineTest {

    @TempDir
    Path dir;

    private Map<String, String> git;
    private Path student;

    @BeforeEach
    void studentRepository() throws Exception {
        git = ScriptRun.isolatedGit(Files.createDirectories(dir.resolve("home")));
        student = Files.createDirectories(dir.resolve("hw1-alice"));
        git(student, "init", "--quiet", "--initial-branch=main");
    }

    private void git(Path in, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ScriptRun run = ScriptRun.run(in, git, Duration.ofMinutes(1), command);
        assertEquals(0, run.exitCode(), command + ": " + run);
    }

    /** Commits {@code text} as {@code Notes.txt}, dated {@code date} (ISO 8601); returns the commit's id. */
    private String commit(String text, String date) throws Exception {
        Files.writeString(student.resolve("Notes.txt"), text);
        Map<String, String> dated = new HashMap<>(git);
        dated.put("GIT_AUTHOR_DATE", date);
        dated.put("GIT_COMMITTER_DATE", date);
        for (List<String> command : List.of(List.of("git", "add", "--all"),
                List.of("git", "commit", "--quiet", "--message", text))) {
            ScriptRun run = ScriptRun.run(student, dated, Duration.ofMinutes(1), command);
            assertEquals(0, run.exitCode(), run.toString());
        }
        return ScriptRun.run(student, git, Duration.ofMinutes(1), List.of("git", "rev-parse", "HEAD")).stdout().strip();
    }

    private ScriptRun checkout(String repository, String deadline) throws Exception {
        return ScriptRun.script(dir, git, "checkout-at-deadline.sh", repository, "submissions/alice", deadline,
                "results/alice");
    }

    private String problem() throws Exception {
        return Files.readString(dir.resolve("results/alice/problem.txt")).strip();
    }

    @Test
    void checksOutTheLastCommitAtOrBeforeTheDeadline() throws Exception {
        commit("first draft", "2026-11-01T10:00:00Z");
        String graded = commit("handed in", "2026-11-10T10:00:00Z");
        commit("too late", "2026-11-20T10:00:00Z");
        ScriptRun run = checkout(student.toString(), "2026-11-15T23:59:00+01:00");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("handed in", Files.readString(dir.resolve("submissions/alice/Notes.txt")));
        assertEquals("repository " + student + "\ncommit " + graded + "\ndate 2026-11-10T10:00:00Z\n"
                        + "deadline 2026-11-15T23:59:00+01:00\nlater commits ignored 1\n",
                Files.readString(dir.resolve("results/alice/commit.txt")).replace("+00:00", "Z"));
        assertFalse(Files.exists(dir.resolve("results/alice/problem.txt")));
    }

    @Test
    void aCommitAtTheDeadlineCountsAndTheOffsetIsHonoured() throws Exception {
        commit("first draft", "2026-11-01T10:00:00Z");
        commit("at the bell", "2026-11-10T10:00:00Z");
        assertEquals(0, checkout(student.toString(), "2026-11-10T11:00:00+01:00").exitCode());
        assertEquals("at the bell", Files.readString(dir.resolve("submissions/alice/Notes.txt")));
    }

    @Test
    void aCommitOneSecondLateDoesNotCount() throws Exception {
        commit("first draft", "2026-11-01T10:00:00Z");
        commit("one second late", "2026-11-10T10:00:01Z");
        assertEquals(0, checkout(student.toString(), "2026-11-10T10:00:00Z").exitCode());
        assertEquals("first draft", Files.readString(dir.resolve("submissions/alice/Notes.txt")));
    }

    @Test
    void noCommitBeforeTheDeadlineIsAProblemNotAFailure() throws Exception {
        commit("started late", "2026-12-02T08:00:00Z");
        ScriptRun run = checkout(student.toString(), "2026-12-01T23:59:00Z");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("No submission by the deadline (2026-12-01T23:59:00Z): the first commit of " + student
                + " is dated 2026-12-02T08:00:00Z.", problem().replace("+00:00", "Z"));
        assertFalse(Files.exists(dir.resolve("submissions/alice")), "nothing is left to grade");
    }

    @Test
    void anEmptyRepositoryIsAProblem() throws Exception {
        ScriptRun run = checkout(student.toString(), "2026-12-01T23:59:00Z");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("No submission: the repository " + student + " is empty (nothing was ever pushed to its "
                + "default branch).", problem());
        assertFalse(Files.exists(dir.resolve("submissions/alice")));
    }

    @Test
    void aMissingRepositoryIsAProblem() throws Exception {
        Path missing = dir.resolve("hw1-nobody");
        ScriptRun run = checkout(missing.toString(), "2026-12-01T23:59:00Z");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(problem().startsWith("No submission: the repository " + missing + " could not be cloned (it does "
                + "not exist, or the grader may not read it): fatal:"), problem());
    }

    @Test
    void aSymbolicLinkComesOutAsAPlainFileThatNamesItsTarget() throws Exception {
        Files.createSymbolicLink(student.resolve("Secret.java"), Path.of("/etc/hostname"));
        commit("a link", "2026-11-01T10:00:00Z");
        assertEquals(0, checkout(student.toString(), "2026-12-01T23:59:00Z").exitCode());
        Path checkedOut = dir.resolve("submissions/alice/Secret.java");
        assertFalse(Files.isSymbolicLink(checkedOut));
        assertEquals("/etc/hostname", Files.readString(checkedOut));
    }

    @Test
    void aDeadlineThatIsNotIso8601IsAUsageError() throws Exception {
        commit("first draft", "2026-11-01T10:00:00Z");
        for (String deadline : List.of("next friday", "2026-12-01", "01/12/2026 23:59")) {
            ScriptRun run = checkout(student.toString(), deadline);
            assertEquals(2, run.exitCode(), deadline + ": " + run);
            assertTrue(run.stderr().contains("is not an ISO 8601 date and time"), run.toString());
        }
        assertFalse(Files.exists(dir.resolve("results")));
    }

    @Test
    void aTargetFolderThatIsNotEmptyIsAUsageError() throws Exception {
        commit("first draft", "2026-11-01T10:00:00Z");
        Files.createDirectories(dir.resolve("submissions/alice"));
        Files.writeString(dir.resolve("submissions/alice/old.txt"), "left over");
        ScriptRun run = checkout(student.toString(), "2026-12-01T23:59:00Z");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("submissions/alice exists and is not empty"), run.toString());
    }
}
