package lockstep.report.gradescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lockstep.report.fixture.Golden;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against Gradescope's results.json specification: its field names, types and values. */
class GradescopeWriterTest {

    private static final Set<String> TOP_LEVEL = Set.of("score", "execution_time", "output", "output_format",
            "visibility", "stdout_visibility", "tests");
    private static final Set<String> TEST_FIELDS = Set.of("name", "number", "score", "max_score", "status", "output",
            "output_format", "tags", "visibility");

    @Test
    void rendersTheGoldenFile() {
        Golden.assertMatches("gradescope/alice-results.json", GradescopeWriter.render(SampleGrades.alice()));
    }

    @Test
    void hasExactlyTheSpecifiedFieldsWithTheirTypes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(GradescopeWriter.render(SampleGrades.alice()));
        assertEquals(new TreeSet<>(TOP_LEVEL), fields(json));
        assertTrue(json.get("score").isInt());
        assertTrue(json.get("execution_time").isNumber());
        assertEquals("md", json.get("output_format").asText());
        assertEquals("visible", json.get("visibility").asText());
        assertEquals("hidden", json.get("stdout_visibility").asText());
        assertEquals(9, json.get("tests").size());
        for (JsonNode test : json.get("tests")) {
            assertEquals(new TreeSet<>(TEST_FIELDS), fields(test));
            assertTrue(test.get("score").isInt() && test.get("max_score").isInt(), test.toString());
            assertTrue(Set.of("passed", "failed").contains(test.get("status").asText()), test.toString());
            assertTrue(test.get("tags").isArray() && test.get("tags").size() == 1, test.toString());
            assertEquals("md", test.get("output_format").asText());
            assertEquals("visible", test.get("visibility").asText());
        }
    }

    @Test
    void scoreIsTheTotalAndTimeIsInSeconds() throws Exception {
        JsonNode json = new ObjectMapper().readTree(GradescopeWriter.render(SampleGrades.alice()));
        assertEquals(16, json.get("score").asInt());
        assertEquals(12.345, json.get("execution_time").asDouble(), 1e-9);
    }

    @Test
    void testsAreNumberedTaskDotTestAndTaggedWithTheirTask() throws Exception {
        JsonNode tests = new ObjectMapper().readTree(GradescopeWriter.render(SampleGrades.alice())).get("tests");
        List<String> numbers = new ArrayList<>();
        tests.forEach(test -> numbers.add(test.get("number").asText() + " " + test.get("tags").get(0).asText()));
        assertEquals(List.of("1.1 launch", "1.2 launch", "1.3 launch", "1.4 launch", "2.1 race", "2.2 race",
                "3.1 locks", "3.2 locks", "3.3 locks"), numbers);
    }

    @Test
    void onlyAPassIsPassedAndTheTestsOwnStatusHeadsItsOutput() throws Exception {
        JsonNode tests = new ObjectMapper().readTree(GradescopeWriter.render(SampleGrades.alice())).get("tests");
        assertEquals("passed", tests.get(0).get("status").asText());
        assertEquals(4, tests.get(0).get("score").asInt());
        JsonNode inconclusive = tests.get(7);
        assertEquals("failed", inconclusive.get("status").asText());
        assertEquals(0, inconclusive.get("score").asInt());
        assertEquals(3, inconclusive.get("max_score").asInt());
        assertTrue(inconclusive.get("output").asText().startsWith("**inconclusive**"), inconclusive.toString());
    }

    @Test
    void theSummaryHoldsTheCompilerOutputInFull() throws Exception {
        String output = new ObjectMapper().readTree(GradescopeWriter.render(SampleGrades.alice()))
                .get("output").asText();
        assertTrue(output.contains("**Lockstep score: 16 / 40** (hidden suite)"), output);
        assertTrue(output.contains("| race | 0 / 10 | compile_error |"), output);
        assertTrue(output.contains("  location: class RaceDemo"), output);
        assertTrue(output.contains("notes.txt: not a .java file"), output);
    }

    @Test
    void writesResultsJsonIntoTheFolder(@TempDir Path dir) throws Exception {
        GradescopeWriter.write(SampleGrades.bob(), dir);
        assertEquals(GradescopeWriter.render(SampleGrades.bob()), Files.readString(dir.resolve("results.json")));
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
