package lockstep.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lockstep.JdkNeutral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported template, built the way a student builds it ({@code ./mvnw -B verify} in a fresh folder): as exported
 * it fails with the score table showing every task at zero; with the reference solution in place of the stubs it
 * passes with full public marks. Then the self-check workflow's summary script reads the same log. Each build takes
 * a minute or two; Maven finds everything in the local repository that the instructor build filled.
 */
@JdkNeutral
class TemplateSelfCheckEndToEndTest {

    static final Path REPO = TemplatePomTest.REPO;
    static final Duration BUILD_LIMIT = Duration.ofMinutes(10);
    static final Set<String> TASKS = Set.of("launch", "race", "locks");

    private static final Pattern TOTAL = Pattern.compile(
            "(?m)^Lockstep score for your code \\(public suite\\): (\\d+) / (\\d+)$");
    private static final Pattern TASK_ROW = Pattern.compile("(?m)^(\\w+) +(\\d+)/(\\d+) +(\\w+)$");

    @TempDir
    Path dir;

    /** The score table's total and its task rows (task: {score, max}), from a build's output. */
    private record PrintedTable(int score, int max, Map<String, int[]> tasks) {

        static PrintedTable in(WrapperRun run) throws IOException {
            String output = run.output();
            Matcher total = TOTAL.matcher(output);
            assertTrue(total.find(), "no score table in the output of ./mvnw verify:\n" + run.tail());
            Map<String, int[]> tasks = new LinkedHashMap<>();
            Matcher row = TASK_ROW.matcher(output.substring(total.end()));
            while (row.find()) {
                tasks.put(row.group(1), new int[] {Integer.parseInt(row.group(2)), Integer.parseInt(row.group(3))});
            }
            assertEquals(TASKS, tasks.keySet(), "task rows of the score table:\n" + run.tail());
            return new PrintedTable(Integer.parseInt(total.group(1)), Integer.parseInt(total.group(2)), tasks);
        }
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theTemplateAsExportedFailsWithEveryTaskAtZero() throws Exception {
        Path template = new TemplateExporter().export(REPO, dir.resolve("template")).root();
        WrapperRun run = WrapperRun.run(template, dir.resolve("verify.log"), BUILD_LIMIT, "-B", "verify");

        assertNotEquals(0, run.exitCode(), "the stubs passed ./mvnw verify:\n" + run.tail());
        assertTrue(run.output().contains("BUILD FAILURE"), run.tail());
        assertTrue(run.output().contains("There are test failures"), run.tail());
        PrintedTable table = PrintedTable.in(run);
        assertEquals(0, table.score(), run.tail());
        assertTrue(table.max() > 0, run.tail());
        table.tasks().forEach((task, points) -> {
            assertEquals(0, points[0], task + " scored with the stubs");
            assertTrue(points[1] > 0, task + " has no points");
        });
        assertTrue(run.output().contains("Not there yet: each line above names a test that lost points"), run.tail());
        assertEquals("## Self-check: 0 / " + table.max() + " points", summary(template, run.log()).lines()
                .findFirst().orElseThrow());
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theTemplateWithTheReferenceSolutionPassesWithFullPublicMarks() throws Exception {
        Path template = new TemplateExporter().export(REPO, dir.resolve("template")).root();
        Path reference = REPO.resolve("solutions/src/main/java");
        for (Path source : Secrets.files(reference)) {
            Path target = template.resolve("starter/src/main/java").resolve(reference.relativize(source));
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        WrapperRun run = WrapperRun.run(template, dir.resolve("verify.log"), BUILD_LIMIT, "-B", "verify");

        assertEquals(0, run.exitCode(), "the reference failed ./mvnw verify in the template:\n" + run.tail());
        assertTrue(run.output().contains("BUILD SUCCESS"), run.tail());
        PrintedTable table = PrintedTable.in(run);
        assertTrue(table.max() > 0, run.tail());
        assertEquals(table.max(), table.score(), run.tail());
        table.tasks().forEach((task, points) -> assertEquals(points[1], points[0], task + " lost points"));
        assertTrue(run.output().contains("Every public test passes."), run.tail());
        String summary = summary(template, run.log());
        assertTrue(summary.startsWith("## Self-check: " + table.max() + " / " + table.max() + " points\n\n```text\n"),
                summary);
        assertTrue(summary.contains("\nEvery public test passes."), summary);
    }

    /** What the self-check workflow puts on the run's summary page for this build log. */
    private String summary(Path template, Path log) throws IOException, InterruptedException {
        Path markdown = dir.resolve("summary.md");
        Process process = new ProcessBuilder("bash", ".github/scripts/score-summary.sh", log.toString())
                .directory(template.toFile()).redirectErrorStream(true).redirectOutput(markdown.toFile()).start();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "score-summary.sh hangs");
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
