package lockstep.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's points tables are the suites' own declarations: change a test's points, regenerate the table. */
class PointsTableTest {

    static final Path README = Path.of(System.getProperty("lockstep.repository", "../..")).resolve("README.md");

    @Test
    void aTableHasARowPerTestAndATotalPerTask() {
        Suite suite = new Suite("x", Path.of("x"), List.of(
                new GradedTest("a.LocksTest", "b", "locks", 3, "the total | is kept"),
                new GradedTest("a.LaunchTest", "a", "launch", 2, "starts threads")));
        assertEquals("""
                | task | test | points |
                |---|---|---:|
                | launch | starts threads | 2 |
                | locks | the total \\| is kept | 3 |
                | **launch** | **total** | **2** |
                | **locks** | **total** | **3** |
                """, PointsTable.render(suite));
    }

    @Test
    void theReadmeShowsTheCurrentPointsOfBothSuites() throws Exception {
        String readme = Files.readString(README);
        for (String name : List.of("hidden", "public")) {
            String table = PointsTable.render(SuiteLocator.find(name));
            assertTrue(readme.contains(table), "README.md lacks the current " + name
                    + " points table; regenerate it with ./grade points --suite " + name + ":\n" + table);
        }
    }
}
