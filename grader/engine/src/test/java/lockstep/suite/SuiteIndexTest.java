package lockstep.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteIndexTest {

    @Test
    void thePublicSuiteDeclaresPointsForEveryTask() {
        Suite suite = SuiteLocator.find("public");
        Map<String, Integer> points = suite.pointsByTask();
        assertEquals(java.util.Set.of("launch", "race", "locks"), points.keySet(), points.toString());
        assertTrue(points.values().stream().allMatch(p -> p > 0), points.toString());
        assertTrue(suite.tests().stream().allMatch(t -> t.points() >= 1), "a graded test worth no points");
    }

    @Test
    void theHiddenSuiteIsFoundApartFromThePublicOne() {
        Suite hidden = SuiteLocator.find("hidden");
        Suite pub = SuiteLocator.find("public");
        assertFalse(hidden.tests().isEmpty());
        assertFalse(hidden.location().equals(pub.location()));
        assertTrue(hidden.tests().stream().noneMatch(pub.tests()::contains));
    }

    @Test
    void graderIdsUseTheSimpleClassName() {
        GradedTest test = new GradedTest("lockstep.hidden.race.RaceDemoTest", "runIsExact", "race", 2, "x");
        assertEquals("RaceDemoTest.runIsExact", test.id());
        assertEquals("lockstep.hidden.race.RaceDemoTest#runIsExact", test.key());
    }
}
