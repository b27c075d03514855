package lockstep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    static GradeResult sample() {
        TaskResult race = TaskResult.of("race", TaskStatus.GRADED, "", List.of(
                TestResult.of("RaceTest.exact", "run() is exact", 4, TestStatus.PASSED, ""),
                TestResult.of("RaceTest.gate", "threads start together", 2, TestStatus.FAILED,
                        "not concurrent: only 1 of 4 threads\nat `exercises.race.RaceDemo.run`")));
        TaskResult locks = TaskResult.of("locks", TaskStatus.COMPILE_ERROR,
                "exercises/locks/Bank.java:3: error: ';' expected", List.of(
                TestResult.of("BankTest.total", "the total is kept", 5, TestStatus.NOT_RUN, "not run")));
        return GradeResult.of("alice", "hidden", 1234, List.of(race, locks),
                List.of("notes.txt: not a .java file"), Map.of("jdk", "17"));
    }

    @Test
    void resultJsonHasTheDocumentedFieldsInSnakeCaseWithLowerCaseStatuses() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ResultJson.render(sample()));
        assertEquals("alice", json.get("submission").asText());
        assertEquals(4, json.get("score").asInt());
        assertEquals(11, json.get("max_score").asInt());
        assertEquals(1234, json.get("duration_ms").asLong());
        JsonNode locks = json.get("tasks").get(1);
        assertEquals("compile_error", locks.get("status").asText());
        JsonNode test = locks.get("tests").get(0);
        for (String field : List.of("id", "name", "score", "max_score", "status", "message")) {
            assertTrue(test.has(field), "test lacks " + field);
        }
        assertEquals("not_run", test.get("status").asText());
    }

    @Test
    void aSavedResultReadsBackEqual() throws Exception {
        GradeResult grade = sample();
        assertEquals(grade, ResultJson.parse(ResultJson.render(grade)));
    }

    @Test
    void theMarkdownReportHasAHeadingPerTaskAndEveryMessageInFull() {
        String md = MarkdownReport.render(sample());
        assertTrue(md.contains("**Score: 4 / 11**"), md);
        assertTrue(md.contains("## Task `race`: 4 / 6"), md);
        assertTrue(md.contains("## Task `locks`: 0 / 5"), md);
        assertTrue(md.contains("does not compile, so none of its tests ran"), md);
        assertTrue(md.contains("at `exercises.race.RaceDemo.run`"), "multi-line message kept in full:\n" + md);
        assertTrue(md.contains("notes.txt: not a .java file"), md);
    }
}
