package lockstep.batch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lockstep.JdkNeutral;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real batch in a JVM of its own, killed with SIGKILL midway and started again: nothing half-written is trusted,
 * the students graded before the kill are not graded again, and the batch ends with every student in the
 * gradebook. {@code --regrade} grades everyone again. Grades only the {@code launch} task, over the reference,
 * with the hidden suite (whose launch tests take about 3 s; the public ones wait out {@code demo}'s one-second
 * units), to keep each submission to a few seconds.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@JdkNeutral
class BatchResumeTest {

    private static final Path REPO = GraderProcess.repository();
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    /** Six submissions: the four bundled samples (overlays on the reference) and two empty folders. */
    private Path classOfSix() throws IOException {
        Path batch = Files.createDirectories(dir.resolve("class"));
        for (String sample : List.of("compile-error", "deadlock-bank", "racy-counter", "reference")) {
            copy(REPO.resolve("grader/samples").resolve(sample), batch.resolve(sample));
        }
        Files.createDirectories(batch.resolve("empty-1"));
        Files.createDirectories(batch.resolve("empty-2"));
        return batch;
    }

    private List<String> args(Path batch, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("--batch", batch.toString(), "--out", out.toString(),
                "--task", "launch", "--base", REPO.resolve("solutions").toString(),
                "--jobs", "1"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void aKilledBatchResumesWithoutGradingAnyoneTwice() throws Exception {
        Path batch = classOfSix();
        Path out = dir.resolve("out");
        List<String> students = BatchGrading.submissions(batch).stream().map(p -> p.getFileName().toString())
                .toList();

        Process first = GraderProcess.start(args(batch, out), dir.resolve("first.out"), dir.resolve("first.err"));
        awaitFirstResult(first, out);
        GraderProcess.kill(first);

        Map<String, Saved> before = savedResults(out);
        assertFalse(before.isEmpty(), "killed after the first result.json appeared, so there is one");
        assertTrue(before.size() < students.size(), "killed before the end: " + before.keySet());
        assertNothingHalfWritten(out);
        assertFalse(Files.exists(out.resolve("gradebook.csv")), "the gradebook is written only at the end");

        // What a kill while rendering leaves: a report without result.json, and a result.json being written.
        String last = students.get(students.size() - 1);
        assertFalse(before.containsKey(last));
        Path interrupted = Files.createDirectories(out.resolve(last));
        Files.writeString(interrupted.resolve("report.md"), "# Lockstep feedback for " + last + "\n\nlaunch: 3");
        Files.writeString(interrupted.resolve(".result.json4711.tmp"), "{\"submission\": \"" + last + "\", \"sco");

        Process second = GraderProcess.start(args(batch, out), dir.resolve("second.out"), dir.resolve("second.err"));
        assertEquals(0, GraderProcess.await(second, RUN_LIMIT), Files.readString(dir.resolve("second.err")));
        String progress = Files.readString(dir.resolve("second.out"));

        Map<String, Saved> after = savedResults(out);
        assertEquals(students, List.copyOf(after.keySet()), "every student has a result.json:\n" + progress);
        for (String student : students) {
            boolean resumed = before.containsKey(student);
            Pattern line = Pattern.compile("\\[\\d/6] " + Pattern.quote(student) + ": \\d+ / \\d+"
                    + (resumed ? " \\(already graded\\)" : "") + "\n");
            assertTrue(line.matcher(progress).find(), student + (resumed ? " resumed" : " graded") + ":\n" + progress);
            if (resumed) {
                assertArrayEquals(before.get(student).bytes(), after.get(student).bytes(), student + " regraded");
                assertEquals(before.get(student).modified(), after.get(student).modified(), student + " rewritten");
            }
            assertTrue(Files.isRegularFile(out.resolve(student).resolve("report.html")), student + " has no page");
        }
        assertTrue(progress.contains("done: 6 submissions (" + (6 - before.size()) + " graded now)"), progress);
        assertEquals("launch", after.get(last).result().tasks().get(0).id(), "the interrupted one was graded");
        assertGradebookHas(out, students);
    }

    /** Two submissions, the reference and an empty folder, graded once (with the launch task) into {@code out}. */
    private Path classOfTwoGradedOnceInto(Path out) throws Exception {
        Path batch = Files.createDirectories(dir.resolve("class"));
        copy(REPO.resolve("grader/samples/reference"), batch.resolve("reference"));
        Files.createDirectories(batch.resolve("empty"));
        Process first = GraderProcess.start(args(batch, out), dir.resolve("first.out"), dir.resolve("first.err"));
        assertEquals(0, GraderProcess.await(first, RUN_LIMIT), Files.readString(dir.resolve("first.err")));
        return batch;
    }

    @Test
    void regradeGradesEveryoneAgain() throws Exception {
        Path out = dir.resolve("out");
        Path batch = classOfTwoGradedOnceInto(out);
        Map<String, Saved> before = savedResults(out);
        assertEquals(List.of("empty", "reference"), List.copyOf(before.keySet()));

        Process again = GraderProcess.start(args(batch, out, "--regrade"), dir.resolve("again.out"),
                dir.resolve("again.err"));
        assertEquals(0, GraderProcess.await(again, RUN_LIMIT), Files.readString(dir.resolve("again.err")));
        String progress = Files.readString(dir.resolve("again.out"));

        assertFalse(progress.contains("already graded"), progress);
        assertTrue(progress.contains("done: 2 submissions (2 graded now)"), progress);
        Map<String, Saved> after = savedResults(out);
        for (String student : before.keySet()) {
            assertNotEquals(before.get(student).modified(), after.get(student).modified(), student + " not regraded");
        }
        assertGradebookHas(out, List.of("empty", "reference"));
    }

    @Test
    void severalJobsAtOnceGradeAgainAloneWhatCameOutInconclusive() throws Exception {
        Path out = dir.resolve("out");
        Path batch = classOfTwoGradedOnceInto(out);
        // What a loaded machine leaves: a stress test whose canary went uncaught (here, one test's status made so).
        Path reference = out.resolve("reference").resolve(ResultJson.FILE);
        GradeResult graded = ResultJson.read(reference);
        TaskResult launch = graded.tasks().get(0);
        TestResult demo = launch.tests().get(0);
        List<TestResult> tests = new ArrayList<>(launch.tests());
        tests.set(0, TestResult.of(demo.id(), demo.name(), demo.maxScore(), TestStatus.INCONCLUSIVE,
                "inconclusive on this machine: a known-racy canary was not caught either"));
        GradeResult loaded = GradeResult.of(graded.submission(), graded.suite(), graded.durationMs(),
                List.of(TaskResult.of(launch.id(), launch.status(), launch.message(), tests)), graded.ignored(),
                graded.environment());
        Files.writeString(reference, ResultJson.render(loaded));
        Map<String, Saved> before = savedResults(out);

        List<String> twoJobs = new ArrayList<>(List.of("--batch", batch.toString(), "--out", out.toString(),
                "--task", "launch", "--base", REPO.resolve("solutions").toString(), "--jobs", "2"));
        Process again = GraderProcess.start(twoJobs, dir.resolve("again.out"), dir.resolve("again.err"));
        assertEquals(0, GraderProcess.await(again, RUN_LIMIT), Files.readString(dir.resolve("again.err")));
        String progress = Files.readString(dir.resolve("again.out"));

        assertTrue(progress.contains("grading 1 again, one at a time: a stress test of it was inconclusive with 2"
                + " graded at once"), progress);
        assertTrue(progress.contains("[1/1] reference: 23 / 23\n"), progress);
        Map<String, Saved> after = savedResults(out);
        assertFalse(BatchGrading.inconclusive(after.get("reference").result()), "graded alone, it is not");
        assertNotEquals(before.get("reference").modified(), after.get("reference").modified());
        assertArrayEquals(before.get("empty").bytes(), after.get("empty").bytes(), "nothing to grade again there");
        assertGradebookHas(out, List.of("empty", "reference"));
    }

    /** Polls until the first {@code result.json} appears; fails if the grader ends or never writes one. */
    private static void awaitFirstResult(Process grader, Path out) throws Exception {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!savedResultFiles(out).isEmpty()) {
                return;
            }
            if (!grader.isAlive()) {
                throw new AssertionError("the grader ended (exit " + grader.exitValue() + ") before any result");
            }
            Thread.sleep(10);
        }
        GraderProcess.kill(grader);
        throw new AssertionError("no result.json within " + RUN_LIMIT.toSeconds() + " s");
    }

    /**
     * A kill leaves only whole files and the writers' own temp files ({@code .NAME<digits>.tmp}, hidden, never
     * named like a report), and every {@code result.json} reads back as the grade of its folder's student.
     */
    private static void assertNothingHalfWritten(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    assertTrue(name.matches("\\.[A-Za-z._-]+\\d+\\.tmp"), "a stray temp file: " + file);
                } else if (name.equals(ResultJson.FILE)) {
                    GradeResult grade = ResultJson.read(file);
                    assertEquals(file.getParent().getFileName().toString(), grade.submission(), file.toString());
                }
            }
        }
    }

    private static void assertGradebookHas(Path out, List<String> students) throws IOException {
        String csv = Files.readString(out.resolve("gradebook.csv"));
        String index = Files.readString(out.resolve("index.html"));
        String md = Files.readString(out.resolve("gradebook.md"));
        assertEquals(students.size() + 1, csv.split("\r\n").length, csv);
        assertAll(students.stream().map(student -> () -> {
            GradeResult grade = ResultJson.read(out.resolve(student).resolve(ResultJson.FILE));
            assertEquals(grade.maxScore(), grade.score(), student + " is graded over the reference: full marks");
            String row = student + "," + grade.score() + "," + grade.score() + "," + grade.maxScore() + ",graded,,";
            assertTrue(csv.contains("\r\n" + row), student + " in gradebook.csv as " + row + ":\n" + csv);
            assertTrue(index.contains("<a href=\"" + student + "/report.html\">" + student + "</a>"),
                    student + " in index.html");
            assertTrue(md.contains("| [" + student + "](" + student + "/report.html) |"), student + " in gradebook.md");
        }));
    }

    /** A saved {@code result.json}: its bytes and modification time, and what it holds. */
    private record Saved(byte[] bytes, FileTime modified, GradeResult result) {
    }

    private static Map<String, Saved> savedResults(Path out) throws IOException {
        Map<String, Saved> saved = new TreeMap<>();
        for (Path file : savedResultFiles(out)) {
            saved.put(file.getParent().getFileName().toString(), new Saved(Files.readAllBytes(file),
                    Files.getLastModifiedTime(file), ResultJson.read(file)));
        }
        return saved;
    }

    private static List<Path> savedResultFiles(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> students = Files.list(out)) {
            return students.map(student -> student.resolve(ResultJson.FILE)).filter(Files::isRegularFile).sorted()
                    .toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
