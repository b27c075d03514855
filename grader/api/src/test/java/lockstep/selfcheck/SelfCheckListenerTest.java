package lockstep.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

/** The score table a student sees at the end of ./mvnw verify. */
class SelfCheckListenerTest {

    /** A tiny public suite: run by the launcher below, not by the build (it is not a top-level test class). */
    static class Sample {
        @Graded(task = "race", points = 2)
        @DisplayName("counts right")
        void passes() {
        }

        @Graded(task = "launch", points = 3)
        @DisplayName("starts every thread")
        void fails() {
            throw new AssertionError("expected 4 threads, saw 1");
        }

        @Graded(task = "race", points = 1)
        @DisplayName("the race shows")
        void cannotTell() {
            throw new TestAbortedException("the canary was not caught on 1 core");
        }

        @Test
        void ungraded() {
        }
    }

    @Test
    void theTableListsTasksInOrderWithEachLostPointAndWhy() {
        String table = run();
        assertTrue(table.contains("Lockstep score for your code (public suite): 2 / 6"), table);
        assertTrue(table.indexOf("launch") < table.indexOf("race"), "launch comes before race:\n" + table);
        assertTrue(table.contains("-3 [failed]     starts every thread: expected 4 threads, saw 1"), table);
        assertTrue(table.contains("-1 [inconclusive] the race shows: the canary was not caught on 1 core"), table);
        assertTrue(table.contains("Not there yet"), table);
        assertEquals(-1, table.indexOf("ungraded"), table);
    }

    @Test
    void theTableNamesTheSuiteItWasToldToName() {
        String table = run(Map.of(SelfCheckListener.SUITE, "hidden"));
        assertTrue(table.contains("Lockstep score for your code (hidden suite): 2 / 6"), table);
    }

    private static String run() {
        return run(Map.of());
    }

    private static String run(Map<String, String> configuration) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(DiscoverySelectors.selectClass(Sample.class))
                            .configurationParameters(configuration).build(), new SelfCheckListener());
        } finally {
            System.setOut(before);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
