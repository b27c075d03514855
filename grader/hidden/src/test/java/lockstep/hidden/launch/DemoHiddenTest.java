package lockstep.hidden.launch;

import static lockstep.hidden.HiddenLimits.CALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import exercises.launch.Launcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lockstep.api.Graded;
import lockstep.stress.Watchdog;
import org.junit.jupiter.api.DisplayName;

/** Task {@code launch}: {@link Launcher#demo} with a short unit: its lines, their order and their threads. */
class DemoHiddenTest {

    /**
     * 50 ms per walkthrough second: "Thread 2" sleeps 15 ms, "Thread 1" 150 ms, so their finishing order leaves
     * 135 ms of slack. A wrong order is retried once; a demo that joins "Thread 1" before starting "Thread 2" is
     * wrong both times.
     */
    private static final Duration UNIT = Duration.ofMillis(50);

    private static final String T1_GOT = "Thread 1 got x=1.0, y=2.0";
    private static final String T2_GOT = "Thread 2 got x=0.1, y=0.2";
    private static final String T2_DONE = "Thread 2 finished after 0.30 seconds";
    private static final String T1_DONE = "Thread 1 finished after 3.00 seconds";
    private static final String MAIN_DONE = "Main thread finished";

    /** One call of the log: the line and the thread that logged it. */
    private record Line(String text, Thread thread) {
    }

    @Graded(task = "launch", points = 2)
    @DisplayName("demo logs the walkthrough's 5 lines with the exact texts: Thread 2 finishes before Thread 1, "
            + "\"Main thread finished\" last, each line on the right thread")
    void demoLogsTheWalkthrough() throws Exception {
        List<Line> lines = runDemo();
        if (!inOrder(lines) && sameTexts(lines)) {
            lines = runDemo(); // the right lines in a wrong order: once more, in case this machine stalled a thread
        }
        check(lines);
    }

    private static List<Line> runDemo() throws Exception {
        List<Line> lines = new ArrayList<>();
        Watchdog.run("Launcher.demo(log, 50 ms)", CALL, () -> Launcher.demo(text -> {
            synchronized (lines) {
                lines.add(new Line(text, Thread.currentThread()));
            }
        }, UNIT));
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    private static boolean sameTexts(List<Line> lines) {
        List<String> texts = new ArrayList<>(texts(lines));
        List<String> expected = new ArrayList<>(List.of(T1_GOT, T2_GOT, T2_DONE, T1_DONE, MAIN_DONE));
        texts.sort(null);
        expected.sort(null);
        return texts.equals(expected);
    }

    private static boolean inOrder(List<Line> lines) {
        List<String> texts = texts(lines);
        return texts.size() == 5 && texts.subList(2, 5).equals(List.of(T2_DONE, T1_DONE, MAIN_DONE));
    }

    private static void check(List<Line> lines) {
        Thread caller = Thread.currentThread();
        List<String> texts = texts(lines);
        assertEquals(5, texts.size(), "demo logged " + texts.size() + " lines, expected 5: " + texts);
        assertEquals(Set.of(T1_GOT, T2_GOT), Set.of(texts.get(0), texts.get(1)),
                "the first two lines must be \"" + T1_GOT + "\" and \"" + T2_GOT + "\" (in either order), got "
                        + texts.subList(0, 2));
        assertEquals(List.of(T2_DONE, T1_DONE, MAIN_DONE), texts.subList(2, 5), "lines 3 to 5: Thread 2 (0.3 units) "
                + "finishes before Thread 1 (3 units), and the main thread logs last; the whole log was " + texts);
        for (Line line : lines) {
            String name = line.text().startsWith("Thread 1") ? "Thread 1"
                    : line.text().startsWith("Thread 2") ? "Thread 2" : null;
            if (name != null) {
                assertNotSame(caller, line.thread(), "\"" + line.text() + "\" was logged on the calling thread: "
                        + "start a new thread named \"" + name + "\"");
                assertEquals(name, line.thread().getName(), "\"" + line.text() + "\" was logged on a thread named \""
                        + line.thread().getName() + "\", expected \"" + name + "\"");
            }
        }
        assertSame(caller, lines.get(4).thread(), "\"" + MAIN_DONE + "\" must be logged by the thread that called "
                + "demo, after both threads finished; it was logged on \"" + lines.get(4).thread().getName() + "\"");
    }
}
