package exercises.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

/** The lines of the lecture's walkthrough that {@link Launcher#demo} logs, and the order they must come in. */
final class Walkthrough {

    static final String FIRST_GOT = "Thread 1 got x=1.0, y=2.0";
    static final String SECOND_GOT = "Thread 2 got x=0.1, y=0.2";
    static final String SECOND_FINISHED = "Thread 2 finished after 0.30 seconds";
    static final String FIRST_FINISHED = "Thread 1 finished after 3.00 seconds";
    static final String MAIN_FINISHED = "Main thread finished";

    /** The log with a one-second unit; the first two lines may come in either order. */
    static final List<String> LINES = List.of(FIRST_GOT, SECOND_GOT, SECOND_FINISHED, FIRST_FINISHED, MAIN_FINISHED);

    private Walkthrough() {
    }

    /** Asserts that {@code lines} are the walkthrough's, in an order it allows. */
    static void assertLogged(List<String> lines, String source) {
        assertTrue(lines.size() == LINES.size() && new HashSet<>(lines).equals(new HashSet<>(LINES)),
                () -> source + " " + lines + ", expected these " + LINES.size() + " lines (the first two in either"
                        + " order): " + LINES);
        assertBefore(lines, FIRST_GOT, FIRST_FINISHED, "Thread 1 logs what it got before it sleeps");
        assertBefore(lines, SECOND_GOT, SECOND_FINISHED, "Thread 2 logs what it got before it sleeps");
        assertBefore(lines, SECOND_FINISHED, FIRST_FINISHED,
                "Thread 2 sleeps (0.1 + 0.2) units, Thread 1 sleeps (1 + 2) units: run them at the same time");
        assertEquals(MAIN_FINISHED, lines.get(lines.size() - 1), () -> "'" + MAIN_FINISHED + "' should be the last"
                + " line: join both threads before logging it; " + source + " " + lines);
    }

    private static void assertBefore(List<String> lines, String earlier, String later, String why) {
        assertTrue(lines.indexOf(earlier) < lines.indexOf(later),
                () -> "'" + earlier + "' should come before '" + later + "' (" + why + "); the log was " + lines);
    }
}
