package lockstep.hidden.launch;

import static lockstep.hidden.Checks.assertRejected;
import static lockstep.hidden.Checks.check;
import static lockstep.hidden.HiddenLimits.CALL;
import static lockstep.hidden.HiddenLimits.MEETING;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import exercises.launch.Launcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lockstep.api.Graded;
import lockstep.stress.Rendezvous;
import lockstep.stress.ThreadWitness;
import lockstep.stress.Watchdog;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

/** Task {@code launch}: {@link Launcher#runAll}, harder than the public tests. */
class RunAllHiddenTest {

    private static final String CALL_TEXT = "Launcher.runAll(names, tasks)";

    /** Calls with two tasks that end at once, after the slow call of {@link #returnsOnlyAfterEveryThreadTerminated}. */
    private static final int QUICK_ROUNDS = 40;

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + "-" + i);
        }
        return names;
    }

    private static void runAll(List<String> names, List<Runnable> tasks) throws Exception {
        Watchdog.run(CALL_TEXT, CALL, () -> Launcher.runAll(names, tasks));
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Graded(task = "launch", points = 3)
    @DisplayName("runAll runs each of 5 tasks exactly once, on a new thread of its own named after it")
    void eachTaskOnItsOwnNewNamedThread() throws Exception {
        List<String> names = List.of("harbour", "lighthouse", "Thread 7", "ferry-2", "dock");
        ThreadWitness witness = new ThreadWitness(names.size());
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            tasks.add(witness.task(i, () -> { }));
        }

        runAll(names, tasks);

        witness.verifyEachRanOnceOnOwnNewThread(names);
    }

    @Graded(task = "launch", points = 3)
    @DisplayName("runAll returns only after every thread it started has terminated")
    void returnsOnlyAfterEveryThreadTerminated() throws Exception {
        int count = 6;
        List<String> names = names("slow", count);
        ThreadWitness witness = new ThreadWitness(count);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long pause = i == 0 ? 0 : 40L * i; // the first listed is the quickest: joining only it is not enough
            tasks.add(witness.task(i, () -> sleep(pause)));
        }

        runAll(names, tasks);

        witness.verifyAllTerminated();
        witness.verifyEachRanOnceOnOwnNewThread(names);
        // A thread whose task is done may still be on its way out: code that waits for the tasks rather than for the
        // threads (a thread pool's awaitTermination()) returns in that window about one time in four. Many quick
        // calls make that near-certain to show; code that joins its threads passes every one of them.
        for (int round = 0; round < QUICK_ROUNDS; round++) {
            List<String> quickNames = names("quick-" + round, 2);
            ThreadWitness quick = new ThreadWitness(2);

            runAll(quickNames, List.of(quick.task(0, () -> { }), quick.task(1, () -> { })));

            try {
                quick.verifyAllTerminated();
            } catch (AssertionFailedError e) {
                throw new AssertionFailedError("in quick call " + (round + 1) + " of " + QUICK_ROUNDS + " (two tasks "
                        + "that return at once): " + e.getMessage() + "; a task that has returned does not mean its "
                        + "thread has ended (a thread pool's awaitTermination() waits for the tasks, not for the "
                        + "threads): join the threads themselves", e);
            }
        }
    }

    @Graded(task = "launch", points = 3)
    @DisplayName("runAll starts every thread before joining any: 4 tasks that wait for each other at a barrier meet")
    void fourTasksMeet() throws Exception {
        tasksMeet(4);
    }

    @Graded(task = "launch", points = 3)
    @DisplayName("runAll starts every thread before joining any: 16 tasks that wait for each other at a barrier meet")
    void sixteenTasksMeet() throws Exception {
        tasksMeet(16);
    }

    private static void tasksMeet(int count) throws Exception {
        Rendezvous meeting = new Rendezvous(count, MEETING);
        List<Runnable> tasks = Collections.nCopies(count, meeting::arrive);

        runAll(names("meeting", count), tasks);

        meeting.verify(CALL_TEXT + " with " + count + " tasks");
    }

    @Graded(task = "launch", points = 4)
    @DisplayName("a failing task: runAll waits for the others, then throws ExecutionException with the cause of the "
            + "first failing task in list order (not in time)")
    void firstFailureInListOrder() throws Exception {
        RuntimeException firstInList = new IllegalStateException("task 0 fails last in time, first in the list");
        RuntimeException firstInTime = new IllegalArgumentException("task 2 fails first in time");
        ThreadWitness witness = new ThreadWitness(4);
        AtomicBoolean slowTaskCompleted = new AtomicBoolean();
        AtomicBoolean lastTaskCompleted = new AtomicBoolean();
        List<Runnable> tasks = List.of(
                witness.task(0, () -> {
                    awaitEnd(witness, 2); // task 2's failure is in before this one's
                    throw firstInList;
                }),
                witness.task(1, () -> {
                    awaitEnd(witness, 0);
                    awaitEnd(witness, 2);
                    sleep(50);
                    slowTaskCompleted.set(true);
                }),
                witness.task(2, () -> {
                    throw firstInTime;
                }),
                witness.task(3, () -> lastTaskCompleted.set(true)));

        ExecutionException thrown = null;
        try {
            runAll(names("worker", 4), tasks);
        } catch (ExecutionException e) {
            thrown = e;
        }

        if (thrown == null) {
            fail(CALL_TEXT + " returned normally although tasks 0 and 2 threw: throw an ExecutionException whose "
                    + "cause is the exception of the first failing task in list order");
        }
        if (thrown.getCause() == firstInTime) {
            fail(CALL_TEXT + " threw ExecutionException with the cause of task 2, the first to fail in time; "
                    + "expected the cause of task 0, the first failing task in list order");
        }
        assertSame(firstInList, thrown.getCause(), CALL_TEXT + " threw ExecutionException with cause "
                + thrown.getCause() + ", expected the exception of task 0 (" + firstInList + ")");
        check(slowTaskCompleted.get() && lastTaskCompleted.get(), CALL_TEXT + " threw before every task had "
                + "completed: wait for all the other tasks first, then throw");
        witness.verifyAllTerminated();
    }

    /** Waits (a bounded time) until task {@code index} has run and its thread has ended. */
    private static void awaitEnd(ThreadWitness witness, int index) {
        long deadline = System.nanoTime() + MEETING.toNanos();
        try {
            while (witness.threadsOf(index).isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            for (Thread thread : witness.threadsOf(index)) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Graded(task = "launch", points = 2)
    @DisplayName("runAll rejects lists of different sizes or holding null, and returns at once for two empty lists")
    void checksItsArguments() throws Exception {
        Runnable nothing = () -> { };
        String sizes = "the lists differ in size";
        String nulls = "a list holds null";
        assertRejected("Launcher.runAll([a, b], 3 tasks)", sizes,
                () -> Launcher.runAll(List.of("a", "b"), List.of(nothing, nothing, nothing)));
        assertRejected("Launcher.runAll([a, b, c], 2 tasks)", sizes,
                () -> Launcher.runAll(List.of("a", "b", "c"), List.of(nothing, nothing)));
        assertRejected("Launcher.runAll([], 1 task)", sizes, () -> Launcher.runAll(List.of(), List.of(nothing)));
        assertRejected("Launcher.runAll([a, null], 2 tasks)", nulls,
                () -> Launcher.runAll(Arrays.asList("a", null), List.of(nothing, nothing)));
        assertRejected("Launcher.runAll([a, b], [task, null])", nulls,
                () -> Launcher.runAll(List.of("a", "b"), Arrays.asList(nothing, null)));
        Watchdog.run("Launcher.runAll([], [])", CALL, () -> Launcher.runAll(List.of(), List.of()));
    }
}
