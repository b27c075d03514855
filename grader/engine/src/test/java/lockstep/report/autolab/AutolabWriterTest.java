package lockstep.report.autolab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import lockstep.model.GradeResult;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;

/** Against Autolab's autograder contract: the last line of the output is the scores as one line of JSON. */
class AutolabWriterTest {

    @Test
    void theLastLineIsTheScoresAndScoreboardAsJson() throws Exception {
        String output = AutolabWriter.render(SampleGrades.alice());
        List<String> lines = output.lines().toList();
        JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(new ObjectMapper().readTree("""
                {"scores": {"launch": 4, "race": 0, "locks": 12}, "scoreboard": [16, 4, 0, 12]}"""), last);
    }

    @Test
    void scoresKeepTheTaskOrderAndTheScoreboardStartsWithTheTotal() {
        assertEquals("{\"scores\":{\"launch\":0,\"race\":10,\"locks\":5},\"scoreboard\":[15,0,10,5]}",
                AutolabWriter.scoreLine(SampleGrades.bob()));
    }

    @Test
    void theScoreLineIsOneLineWhateverTheMessages() {
        for (GradeResult grade : List.of(SampleGrades.alice(), SampleGrades.bob(), SampleGrades.carol())) {
            String output = AutolabWriter.render(grade);
            assertTrue(output.endsWith(AutolabWriter.scoreLine(grade) + "\n"), output);
            assertTrue(!AutolabWriter.scoreLine(grade).contains("\n"));
        }
    }

    @Test
    void theConsoleOutputHasTheTableAndEveryLostPointExplainedInFull() {
        String output = AutolabWriter.render(SampleGrades.alice());
        assertTrue(output.contains("Lockstep score for alice (hidden suite): 16 / 40"), output);
        assertTrue(output.contains("== task race: 0 / 10 (compile_error)\n"
                + "   exercises/race/RaceDemo.java:12: error: ';' expected\n"), output);
        assertTrue(output.contains("-- runAll starts every thread before it joins any [failed]\n"
                + "   expected both tasks to pass the barrier"), output);
        assertTrue(output.contains("   Hint: start all threads first"), output);
        assertTrue(!output.contains("== task locks: 12 / 15 (graded)\n-- SynchronizedCounter"),
                "passed tests are not repeated:\n" + output);
    }

    @Test
    void aPerfectScoreHasNoDetails() {
        String output = AutolabWriter.render(SampleGrades.dana());
        assertTrue(!output.contains("== task"), output);
        assertTrue(output.endsWith(
                "{\"scores\":{\"launch\":15,\"race\":10,\"locks\":15},\"scoreboard\":[40,15,10,15]}\n"),
                output);
    }
}
