package exercises.launch;

import static exercises.TestThreads.LIMIT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exercises.TestThreads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code launch}: {@link Launcher#demo} replays the walkthrough; {@link Launcher#main} prints it. */
class LauncherDemoTest {

    @Graded(task = "launch", points = 1)
    @DisplayName("demo logs the walkthrough from the right threads: Thread 2 finishes first, the main thread last")
    void demoLogsTheWalkthrough() throws Exception {
        Duration unit = Duration.ofMillis(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> onWrongThread = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> caller = new AtomicReference<>();
        Consumer<String> log = line -> {
            lines.add(line);
            Thread current = Thread.currentThread();
            boolean rightThread = line.startsWith("Thread 1") ? current.getName().equals("Thread 1")
                    : line.startsWith("Thread 2") ? current.getName().equals("Thread 2")
                    : current == caller.get();
            if (!rightThread) {
                onWrongThread.add("'" + line + "' came from thread '" + current.getName() + "'");
            }
        };

        long start = System.nanoTime();
        TestThreads.runWithin("Launcher.demo(log, 200 ms)", LIMIT, () -> {
            caller.set(Thread.currentThread());
            Launcher.demo(log, unit);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Walkthrough.assertLogged(lines, "demo(log, 200 ms) logged");
        assertEquals(List.of(), onWrongThread, "each thread logs its own lines: Thread 1's on the thread named"
                + " 'Thread 1', Thread 2's on 'Thread 2', the last line on the thread that called demo");
        Duration thread1Sleeps = unit.multipliedBy(3);
        assertTrue(took.compareTo(thread1Sleeps.multipliedBy(9).dividedBy(10)) >= 0, () -> "demo(log, 200 ms)"
                + " returned after " + took.toMillis() + " ms, but Thread 1 alone sleeps (1 + 2) x 200 ms = "
                + thread1Sleeps.toMillis() + " ms: sleep (x + y) x unit in each thread and join both");
    }

    @Graded(task = "launch", points = 1)
    @DisplayName("main prints the walkthrough with one-second units")
    void mainPrintsTheWalkthrough() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        long start = System.nanoTime();
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            TestThreads.runWithin("Launcher.main()", LIMIT, () -> Launcher.main(new String[0]));
        } finally {
            System.setOut(console);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Walkthrough.assertLogged(printed.toString(UTF_8).lines().toList(), "main printed");
        assertTrue(took.compareTo(Duration.ofMillis(2_700)) >= 0, () -> "main returned after " + took.toMillis()
                + " ms, but with one-second units Thread 1 alone sleeps 3 s");
    }
}
