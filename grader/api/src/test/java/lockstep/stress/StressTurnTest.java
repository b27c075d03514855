package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stress runs take turns: one at a time in a JVM, and one at a time on the machine where the grader names a file. */
@Timeout(120)
class StressTurnTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A program that takes {@code file}'s lock and holds it until its input ends; with a second argument, only tries
     * to take it and exits 0 where it could, 1 where another JVM holds it.
     */
    private static Path lockHolder(Path dir) throws Exception {
        return Files.writeString(dir.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE)) {
                            if (args.length > 1) {
                                System.exit(channel.tryLock() != null ? 0 : 1);
                            }
                            channel.lock();
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
    }

    /** A JVM of its own that holds {@code file}'s lock until its input ends. */
    private static Process holdLock(Path dir, Path file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaLauncher(), lockHolder(dir).toString(), file.toString());
        builder.environment().clear(); // no JAVA_TOOL_OPTIONS and the like: its first line must be its own
        Process holder = builder.redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine(), "the other JVM holds the lock");
        return holder;
    }

    @Test
    void waitsWhileAnotherJvmHasTheTurnAndGoesAheadWithoutItWhenTheWaitRunsOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stress-turn.lock");
        Process holder = holdLock(dir, file);
        try {
            try (StressTurn turn = StressTurn.take(List.of(file), Duration.ofMillis(300))) {
                assertFalse(turn.taken(), "another JVM has the turn");
                assertTrue(turn.waited().compareTo(Duration.ofMillis(300)) >= 0, "waited " + turn.waited());
            }
            try (Writer in = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
                in.write("done\n"); // the other JVM's run is over
            }
            assertTrue(holder.waitFor(LONG.toSeconds(), TimeUnit.SECONDS));
            try (StressTurn turn = StressTurn.take(List.of(file), LONG)) {
                assertTrue(turn.taken(), "free once the other JVM let go of it");
            }
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void theTurnOfAJvmThatEndedWithoutClosingItIsFree(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stress-turn.lock");
        Process holder = holdLock(dir, file);
        holder.destroyForcibly().waitFor(); // killed while holding it
        try (StressTurn turn = StressTurn.take(List.of(file), LONG)) {
            assertTrue(turn.taken());
        }
    }

    @Test
    void aMachineOfMoreCoresHasATurnForEveryTwoAndAnotherJvmsTurnLeavesTheOthersFree(@TempDir Path dir)
            throws Exception {
        assertEquals(List.of(dir.resolve("stress-turn-0.lock")), StressTurn.slots(dir, 1));
        assertEquals(List.of(dir.resolve("stress-turn-0.lock")), StressTurn.slots(dir, 3));
        List<Path> four = StressTurn.slots(dir, 8);
        assertEquals(4, four.size());
        assertEquals(dir.resolve("stress-turn-3.lock"), four.get(3));

        Process holder = holdLock(dir, four.get(0));
        try {
            try (StressTurn turn = StressTurn.take(four, Duration.ofMillis(300))) {
                assertTrue(turn.taken(), "another JVM has one of the four turns, not all");
            }
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aTurnTakenWithinAnotherIsPartOfItAndEndsWithIt(@TempDir Path dir) throws Exception {
        List<Path> slot = List.of(dir.resolve("stress-turn-0.lock"));
        StressTurn outer = StressTurn.take(slot, LONG);
        try (StressTurn inner = StressTurn.take(slot, LONG)) {
            assertTrue(outer.taken() && inner.taken());
            assertTrue(inner.waited().compareTo(Duration.ofSeconds(1)) < 0, "no wait within the turn held");
        }
        Process holder = new ProcessBuilder(javaLauncher(), lockHolder(dir).toString(), slot.get(0).toString(), "try")
                .start();
        assertEquals(1, holder.waitFor(), "the inner turn's end left the outer one's lock in place");
        outer.close();
        outer.close(); // once is enough; a second end changes nothing
        holder = new ProcessBuilder(javaLauncher(), lockHolder(dir).toString(), slot.get(0).toString(), "try")
                .start();
        assertEquals(0, holder.waitFor(), "free once the outer turn ended");
    }

    @Test
    void aRunWaitingForAnotherThreadsTurnGoesAheadAfterItsWaitAndLeavesThatTurnAlone() throws Exception {
        StressTurn held = StressTurn.take(List.of(), LONG);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            StressTurn waited = other.submit(() -> StressTurn.take(List.of(), Duration.ofMillis(200)))
                    .get(LONG.toSeconds(), TimeUnit.SECONDS);
            assertFalse(waited.taken());
            other.submit(waited::close).get(LONG.toSeconds(), TimeUnit.SECONDS); // must not end the held turn
            assertFalse(other.submit(() -> StressTurn.take(List.of(), Duration.ofMillis(200)).taken())
                    .get(LONG.toSeconds(), TimeUnit.SECONDS), "the first thread still has the turn");
        } finally {
            held.close();
            other.shutdownNow();
        }
        try (StressTurn turn = StressTurn.take(List.of(), LONG)) {
            assertTrue(turn.taken());
        }
    }

    @Test
    void aRunInterruptedWhileItWaitsLeavesNoTurnBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stress-turn-0.lock");
        Process holder = holdLock(dir, file);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<StressTurn> waiting = other.submit(() -> StressTurn.take(List.of(file), LONG));
            Thread.sleep(100);
            other.shutdownNow(); // interrupts the wait
            assertEquals(InterruptedException.class, assertThrows(ExecutionException.class,
                    () -> waiting.get(LONG.toSeconds(), TimeUnit.SECONDS)).getCause().getClass());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        try (StressTurn turn = StressTurn.take(List.of(file), LONG)) {
            assertTrue(turn.taken(), "neither this JVM's turn nor the file was left held");
        }
    }

    @Test
    void withoutAFileTheTurnsAreThisJvmsAlone() throws Exception {
        try (StressTurn turn = StressTurn.take(List.of(), LONG)) {
            assertTrue(turn.taken());
        }
    }

    @Test
    void twoStressRunsOfOneJvmNeverOverlap(@TempDir Path dir) throws Exception {
        List<long[]> repetitions = Collections.synchronizedList(new ArrayList<>());
        Scenario<long[]> scenario = Scenario.of("nothing", threads -> new long[] {System.nanoTime(), 0},
                (state, index) -> Thread.onSpinWait(), (state, threads) -> {
                    state[1] = System.nanoTime();
                    repetitions.add(state);
                    return Outcome.right();
                });
        StressMatrix matrix = StressMatrix.of(new StressBudget(30, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .withThreadCounts(2, 4);
        String previous = System.setProperty(StressMatrix.TURN_PROPERTY, dir.toString());
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<StressRun>> runs = List.of(two.submit(() -> matrix.run(scenario)),
                    two.submit(() -> matrix.run(scenario)));
            for (Future<StressRun> run : runs) {
                assertFalse(run.get(LONG.toSeconds(), TimeUnit.SECONDS).caughtWrongResult());
            }
        } finally {
            two.shutdownNow();
            if (previous == null) {
                System.clearProperty(StressMatrix.TURN_PROPERTY);
            } else {
                System.setProperty(StressMatrix.TURN_PROPERTY, previous);
            }
        }

        assertEquals(120, repetitions.size(), "two runs of 30 repetitions at 2 and 4 threads");
        List<long[]> inOrder = new ArrayList<>(repetitions);
        inOrder.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < inOrder.size(); i++) {
            assertTrue(inOrder.get(i)[0] >= inOrder.get(i - 1)[1],
                    "repetition " + i + " began after the one before had ended: the two runs took turns");
        }
    }
}
