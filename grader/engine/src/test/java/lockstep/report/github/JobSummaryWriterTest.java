package lockstep.report.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against GitHub's job summaries: Markdown appended to the file {@code $GITHUB_STEP_SUMMARY} names. */
class JobSummaryWriterTest {

    @Test
    void theSummaryHasTheScoreTableAndATaskSectionEach() {
        String md = JobSummaryWriter.render(SampleGrades.alice());
        assertTrue(md.startsWith("## Lockstep: alice, 16 / 40\n\n| task | points | status |\n|---|---:|---|\n"
                + "| launch | 4 / 15 | graded |\n| race | 0 / 10 | **compile_error** |\n"
                + "| locks | 12 / 15 | graded |\n"),
                md);
        assertTrue(md.contains("\n### Task `race`: 0 / 10\n\n**Does not compile, so none of its tests ran.**\n\n"
                + "<details><summary>Compiler output</summary>\n\n~~~\nexercises/race/RaceDemo.java:12"), md);
        assertTrue(md.contains("1 of 4 tests passed. Lost points:"), md);
    }

    @Test
    void failedTestsAreListedWithTheFirstLineOfTheirMessage() {
        String md = JobSummaryWriter.render(SampleGrades.alice());
        assertTrue(md.contains("- **runAll starts every thread before it joins any** (0 / 6, failed): expected both "
                + "tasks to pass the barrier, but only 1 of 2 arrived within 5 s\n"), md);
        assertFalse(md.contains("Hint: start all threads first"), "only the first line:\n" + md);
        assertFalse(md.contains("runAll runs each task once"), "passed tests are not listed:\n" + md);
    }

    @Test
    void textOutsideCodeBlocksIsInert() {
        String md = JobSummaryWriter.render(SampleGrades.alice());
        assertTrue(md.contains("demo logs the walkthrough \\<in order\\> \\& on time"), md);
        assertTrue(md.contains("\\<script\\>alert('x')\\</script\\>"), md);
        assertFalse(md.replaceAll("(?s)~~~.*?~~~", "").contains("<script>"), md);
    }

    @Test
    void aStatusTheMessageAlreadyNamesIsNotRepeated() {
        String md = JobSummaryWriter.render(SampleGrades.alice());
        assertTrue(md.contains("- **run counts exactly with one thread** (0 / 5, not run): the code of task race does "
                + "not compile\n"), md);
    }

    @Test
    void controlCharactersOutsideCodeBlocksAreReplaced() {
        String md = JobSummaryWriter.render(SampleGrades.alice());
        assertTrue(md.contains("100% \uFFFD\\[31mred\uFFFD\\[0m"), md);
        assertFalse(md.replaceAll("(?s)~~~.*?~~~", "").contains("\u001b"), md);
    }

    @Test
    void aPerfectTaskSaysSo() {
        assertTrue(JobSummaryWriter.render(SampleGrades.dana()).contains("All 3 tests passed."));
    }

    @Test
    void appendsToTheStepSummaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.md");
        Map<String, String> env = Map.of("GITHUB_STEP_SUMMARY", file.toString());
        assertEquals(Optional.of(file), JobSummaryWriter.append(SampleGrades.alice(), env));
        JobSummaryWriter.append(SampleGrades.bob(), env);
        String text = Files.readString(file);
        assertTrue(text.startsWith("## Lockstep: alice"), text);
        assertTrue(text.contains("\n## Lockstep: bob, 15 / 40"), text);
    }

    @Test
    void doesNothingOutsideGitHubActions() throws Exception {
        assertEquals(Optional.empty(), JobSummaryWriter.append(SampleGrades.alice(), Map.of()));
        assertEquals(Optional.empty(), JobSummaryWriter.append(SampleGrades.alice(),
                Map.of("GITHUB_STEP_SUMMARY", " ")));
    }
}
