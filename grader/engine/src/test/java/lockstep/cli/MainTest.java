package lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, usage errors, help, and a whole grading run. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new Main(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    @Test
    void helpDocumentsEveryOptionAndExitsZero() {
        assertEquals(0, run("--help"));
        for (String option : new String[] {"--submission", "--batch", "--out", "--suite", "--task", "--base",
                "--java-home", "--task-timeout", "--test-timeout", "--heap", "Exit codes"}) {
            assertTrue(out.toString().contains(option), "help lacks " + option + ":\n" + out);
        }
    }

    @Test
    void noSubmissionIsAUsageErrorWithExitTwo() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--submission") && err.toString().contains("Usage:"), err.toString());
    }

    @Test
    void aMissingFolderIsAUsageErrorNamingIt() {
        assertEquals(2, run("--submission", "/no/such/folder"));
        assertTrue(err.toString().contains("--submission /no/such/folder is not a folder"), err.toString());
    }

    @Test
    void anUnknownSuiteOrTaskIsAUsageError(@TempDir Path dir) {
        assertEquals(2, run("--submission", dir.toString(), "--suite", "secret"));
        assertTrue(err.toString().contains("--suite must be hidden or public"), err.toString());
        assertEquals(2, run("--submission", dir.toString(), "--task", "sorting"));
        assertTrue(err.toString().contains("--task must be launch, race or locks"), err.toString());
    }

    @Test
    void gradingASubmissionExitsZeroWhateverTheScoreAndWritesTheReports(@TempDir Path dir) throws Exception {
        Path submission = Files.createDirectories(dir.resolve("nothing-here"));
        Path results = dir.resolve("out");
        assertEquals(0, run("--submission", submission.toString(), "--suite", "public", "--out", results.toString()));
        assertTrue(out.toString().contains("Lockstep score for nothing-here (public suite): 0 /"), out.toString());
        assertTrue(Files.isRegularFile(results.resolve("result.json")));
        assertTrue(Files.isRegularFile(results.resolve("report.md")));
    }

    @Test
    void everyFormatIsRenderedFromTheSameGrade(@TempDir Path dir) throws Exception {
        Path submission = Files.createDirectories(dir.resolve("empty"));
        Path results = dir.resolve("out");
        assertEquals(0, run("--submission", submission.toString(), "--suite", "public", "--out", results.toString(),
                "--format", "html,junit,gradescope,prairielearn", "--format", "AUTOLAB"));
        for (String file : new String[] {"result.json", "report.html", "TEST-lockstep.xml",
                "gradescope/results.json", "prairielearn/results.json"}) {
            assertTrue(Files.isRegularFile(results.resolve(file)), file + " missing");
        }
        String[] lines = out.toString().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("{\"scores\":{"), "Autolab's line is last: " + out);
    }

    @Test
    void aBatchGradesEverySubmissionAndWritesTheGradebook(@TempDir Path dir) throws Exception {
        Path batch = Files.createDirectories(dir.resolve("class"));
        Files.createDirectories(batch.resolve("alice"));
        Files.createDirectories(batch.resolve("bob"));
        Path results = dir.resolve("out");
        assertEquals(0, run("--batch", batch.toString(), "--suite", "public", "--out", results.toString()));
        for (String file : new String[] {"alice/result.json", "bob/result.json", "alice/report.html",
                "gradebook.csv", "gradebook.md", "index.html"}) {
            assertTrue(Files.isRegularFile(results.resolve(file)), file + " missing");
        }
        assertTrue(Files.readString(results.resolve("gradebook.csv")).contains("alice"));
    }

    @Test
    void theGradebookIsBuiltFromResultFoldersGradedElsewhere(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, run("--submission", Files.createDirectories(dir.resolve("alice")).toString(), "--suite",
                "public", "--task", "launch", "--out", results.resolve("alice").toString()));
        Files.createDirectories(results.resolve("bob"));
        Files.writeString(results.resolve("bob/problem.txt"), "no commit before the deadline\n");
        assertEquals(0, run("gradebook", "--results", results.toString(), "--out", results.toString()));
        String csv = Files.readString(results.resolve("gradebook.csv"));
        assertTrue(csv.contains("alice") && csv.contains("bob") && csv.contains("no commit before the deadline"), csv);
        assertTrue(Files.isRegularFile(results.resolve("index.html")));
    }

    @Test
    void theTemplateIsExportedBySubcommand(@TempDir Path dir) {
        Path repository = Path.of(System.getProperty("lockstep.repository", "../.."));
        assertEquals(0, run("export-template", "--repository", repository.toString(), dir.resolve("t").toString()));
        assertTrue(Files.isRegularFile(dir.resolve("t/starter/pom.xml")), out.toString() + err);
        assertTrue(Files.notExists(dir.resolve("t/solutions")));
    }
}
