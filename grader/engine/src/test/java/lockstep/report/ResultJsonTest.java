package lockstep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import lockstep.model.Evidence;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    static final Evidence EVIDENCE = new Evidence("17.0.15+6", 2, List.of(
            new Evidence.Stress("lost updates", false, new Evidence.Budget(200, 200, 5_000),
                    List.of(new Evidence.Runs(1, 200, 0), new Evidence.Runs(2, 200, 0), new Evidence.Runs(4, 180, 0))),
            new Evidence.Stress("lost updates", true, new Evidence.Budget(200, 200, 5_000),
                    List.of(new Evidence.Runs(4, 1, 1)))),
            List.of(new Evidence.ModelChecking("lost an update", "Lincheck 3.7", 200, 0, false)), 0);

    static GradeResult sample() {
        TaskResult race = TaskResult.of("race", TaskStatus.GRADED, "", List.of(
                TestResult.of("RaceTest.exact", "run() is exact", 4, TestStatus.PASSED, "").withEvidence(EVIDENCE)
                        .withDuration(1_503L),
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
    void aTestsDurationIsSavedInMillisecondsAndLeftOutWhereItDidNotRun() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ResultJson.render(sample()));
        assertEquals(1503, json.get("tasks").get(0).get("tests").get(0).get("duration_ms").asLong());
        assertFalse(json.get("tasks").get(1).get("tests").get(0).has("duration_ms"),
                "a test that did not run has no duration_ms field");
    }

    @Test
    void evidenceIsSavedInSnakeCaseAndLeftOutWhereATestHasNone() throws Exception {
        JsonNode race = new ObjectMapper().readTree(ResultJson.render(sample())).get("tasks").get(0);
        JsonNode evidence = race.get("tests").get(0).get("evidence");
        assertEquals("17.0.15+6", evidence.get("jdk").asText());
        assertEquals(2, evidence.get("cores").asInt());
        JsonNode stress = evidence.get("stress").get(0);
        assertEquals("lost updates", stress.get("concept").asText());
        assertFalse(stress.get("canary").asBoolean());
        assertEquals(200, stress.get("budget").get("max_runs").asInt());
        assertEquals(200, stress.get("budget").get("max_time_ms").asLong());
        assertEquals(5_000, stress.get("budget").get("deadline_ms").asLong());
        JsonNode four = stress.get("thread_counts").get(2);
        assertEquals(List.of(4, 180, 0), List.of(four.get("threads").asInt(), four.get("runs").asInt(),
                four.get("wrong").asInt()));
        assertTrue(evidence.get("stress").get(1).get("canary").asBoolean());
        JsonNode check = evidence.get("model_checks").get(0);
        assertEquals("Lincheck 3.7", check.get("tool").asText());
        assertEquals(200, check.get("interleavings").asInt());
        assertEquals(0, check.get("plain_runs").asInt());
        assertFalse(check.get("failed").asBoolean());
        assertFalse(race.get("tests").get(1).has("evidence"), "a test without evidence has no evidence field");
    }

    @Test
    void aResultJsonFromBeforeEvidenceStillReads() throws Exception {
        String old = """
                {
                  "submission" : "alice",
                  "suite" : "hidden",
                  "score" : 4,
                  "max_score" : 6,
                  "duration_ms" : 1234,
                  "tasks" : [ {
                    "id" : "race",
                    "score" : 4,
                    "max_score" : 6,
                    "status" : "graded",
                    "message" : "",
                    "tests" : [ {
                      "id" : "RaceTest.exact",
                      "name" : "run() is exact",
                      "score" : 4,
                      "max_score" : 4,
                      "status" : "passed",
                      "message" : ""
                    }, {
                      "id" : "RaceTest.gate",
                      "name" : "threads start together",
                      "score" : 0,
                      "max_score" : 2,
                      "status" : "inconclusive",
                      "message" : "inconclusive on this machine"
                    } ]
                  } ],
                  "ignored" : [ ],
                  "environment" : { "cores" : "2" }
                }
                """;

        GradeResult grade = ResultJson.parse(old);

        assertEquals(4, grade.score());
        assertNull(grade.tasks().get(0).tests().get(0).evidence());
        assertNull(grade.tasks().get(0).tests().get(0).durationMs(), "a result.json from before tests were timed");
        assertEquals(TestStatus.INCONCLUSIVE, grade.tasks().get(0).tests().get(1).status());
        assertFalse(MarkdownReport.render(grade).contains("evidence:"));
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

    @Test
    void theMarkdownReportShowsATestsEvidenceOnOneLineUnderIt() {
        String md = MarkdownReport.render(sample());
        assertTrue(md.contains("- [pass] run() is exact (4 / 4)\n  evidence: JDK 17.0.15+6, 2 cores, budget 200 runs"
                + " or 200 ms per thread count; lost updates: runs 1:200 2:200 4:180, wrong 0; canary (lost updates):"
                + " runs 4:1, wrong 4:1; lost an update: model checked with Lincheck 3.7, up to 200 interleavings,"
                + " none failed\n"), md);
        assertEquals(1, md.split("evidence:", -1).length - 1, "only the test with evidence shows one:\n" + md);
    }

    @Test
    void aFailedStressTestShowsItsEvidenceOnceInTheMarkdownReport() {
        TestResult failed = TestResult.of("CountersTest.exact", "the counter is exact", 4, TestStatus.FAILED,
                "lost updates: expected 16000, got 15412 with 16 threads\n"
                        + "evidence: JDK 17.0.15+6, 2 cores, budget 200 runs or 200 ms per thread count; runs 16:1")
                .withEvidence(EVIDENCE);
        GradeResult grade = GradeResult.of("bob", "hidden", 10, List.of(TaskResult.of("locks", TaskStatus.GRADED, "",
                List.of(failed))), List.of(), Map.of());

        String md = MarkdownReport.render(grade);

        assertTrue(md.contains("lost updates: expected 16000, got 15412 with 16 threads"), md);
        assertEquals(1, md.split("evidence: ", -1).length - 1, md);
    }
}
