package lockstep.report.prairielearn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against PrairieLearn's external grader results specification: its fields and the meaning of gradable. */
class PrairieLearnWriterTest {

    private static final Set<String> TOP_LEVEL = Set.of("gradable", "score", "message", "output", "tests");
    private static final Set<String> TEST_FIELDS = Set.of("name", "points", "max_points", "output", "message");

    @Test
    void hasTheSpecifiedFieldsWithTheirTypes() throws Exception {
        JsonNode json = json(SampleGrades.alice());
        assertEquals(new TreeSet<>(TOP_LEVEL), fields(json));
        assertTrue(json.get("gradable").isBoolean());
        assertTrue(json.get("score").isNumber());
        assertEquals(9, json.get("tests").size());
        for (JsonNode test : json.get("tests")) {
            assertEquals(new TreeSet<>(TEST_FIELDS), fields(test));
            assertTrue(test.get("points").isInt() && test.get("max_points").isInt(), test.toString());
        }
    }

    @Test
    void scoreIsTheFractionOfTheMaximum() throws Exception {
        JsonNode json = json(SampleGrades.alice());
        assertTrue(json.get("gradable").asBoolean());
        assertEquals(0.4, json.get("score").asDouble(), 1e-9);
        assertEquals("Lockstep score: 16 / 40 (hidden suite)", json.get("message").asText());
        assertEquals(1.0, json(SampleGrades.dana()).get("score").asDouble(), 1e-9);
    }

    @Test
    void testsCarryTheirTaskPointsAndFullOutput() throws Exception {
        JsonNode tests = json(SampleGrades.alice()).get("tests");
        JsonNode passed = tests.get(0);
        assertEquals("launch: runAll runs each task once, on its own thread", passed.get("name").asText());
        assertEquals(4, passed.get("points").asInt());
        assertEquals(4, passed.get("max_points").asInt());
        assertEquals("passed", passed.get("message").asText());
        JsonNode failed = tests.get(1);
        assertEquals(0, failed.get("points").asInt());
        assertEquals(6, failed.get("max_points").asInt());
        assertEquals("failed: expected both tasks to pass the barrier, but only 1 of 2 arrived within 5 s",
                failed.get("message").asText());
        assertTrue(failed.get("output").asText().contains("\nHint: start all threads first"), failed.toString());
        assertEquals(SampleGrades.RACE_NOT_COMPILED, tests.get(4).get("message").asText());
    }

    @Test
    void aSubmissionWithNoSourcesIsNotGradable() throws Exception {
        JsonNode json = json(SampleGrades.carol());
        assertFalse(json.get("gradable").asBoolean());
        assertEquals(0.0, json.get("score").asDouble());
        assertTrue(json.get("message").asText().startsWith("Your submission could not be graded: no Java sources"),
                json.get("message").asText());
    }

    @Test
    void oneTestThatRanMakesASubmissionGradableWhateverItFound() {
        assertTrue(PrairieLearnWriter.gradable(SampleGrades.bob()), "rule violation, but other tasks ran");
        assertTrue(PrairieLearnWriter.gradable(SampleGrades.alice()));
        GradeResult timedOut = grade(TaskResult.of("locks", TaskStatus.TIMEOUT, "the task's time ran out", List.of(
                TestResult.of("BankTest.noDeadlock", "no deadlock", 7, TestStatus.TIMEOUT, "deadlock"))));
        assertTrue(PrairieLearnWriter.gradable(timedOut));
    }

    @Test
    void aTaskThatCrashedBeforeAnyTestIsNotAMeasurement() {
        GradeResult crashed = grade(TaskResult.of("locks", TaskStatus.CRASHED, "the test JVM exited with code 1",
                List.of(TestResult.of("BankTest.noDeadlock", "no deadlock", 7, TestStatus.NOT_RUN, "not run"))));
        assertFalse(PrairieLearnWriter.gradable(crashed));
        assertFalse(PrairieLearnWriter.gradable(GradeResult.of("empty", "hidden", 1, List.of(), List.of(), Map.of())));
    }

    @Test
    void aGradedTaskWithoutTestsIsGradable() {
        assertTrue(PrairieLearnWriter.gradable(grade(TaskResult.of("launch", TaskStatus.GRADED, "", List.of()))));
    }

    @Test
    void theOutputHoldsTheScoreTableAndTaskMessagesInFull() throws Exception {
        String output = json(SampleGrades.alice()).get("output").asText();
        assertTrue(output.contains("Lockstep score for alice (hidden suite): 16 / 40"), output);
        assertTrue(output.contains("Task race (compile_error):\nexercises/race/RaceDemo.java:12: error"), output);
        assertTrue(output.contains("  location: class RaceDemo"), output);
    }

    @Test
    void writesResultsJsonIntoTheFolder(@TempDir Path dir) throws Exception {
        PrairieLearnWriter.write(SampleGrades.carol(), dir);
        assertEquals(PrairieLearnWriter.render(SampleGrades.carol()), Files.readString(dir.resolve("results.json")));
    }

    private static GradeResult grade(TaskResult task) {
        return GradeResult.of("x", "hidden", 1, List.of(task), List.of(), Map.of());
    }

    private static JsonNode json(GradeResult grade) throws Exception {
        return new ObjectMapper().readTree(PrairieLearnWriter.render(grade));
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
