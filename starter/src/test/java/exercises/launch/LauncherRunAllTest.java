package exercises.launch;

import static exercises.ArgumentChecks.assertRejected;
import static exercises.TestThreads.LIMIT;
import static exercises.TestThreads.MEETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exercises.TestThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code launch}: {@link Launcher#runAll} runs each task on a named thread of its own, all at once, and waits. */
class LauncherRunAllTest {

    private static final String RUN_ALL = "Launcher.runAll(names, tasks)";
    /** How long a task waits for another one to fail first; only a wrong runAll makes it wait that long. */
    private static final Duration ORDERING_WAIT = Duration.ofSeconds(2);

    @Graded(task = "launch", points = 2)
    @DisplayName("runAll runs each task exactly once, on a new thread named after the task (1 and 4 tasks)")
    void runsEachTaskOnceOnItsOwnNamedThread() throws Exception {
        for (List<String> names : List.of(List.of("solo"), List.of("alpha", "beta", "gamma", "delta"))) {
            int count = names.size();
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(count);
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                tasks.add(() -> {
                    runs.incrementAndGet(index);
                    ranOn.set(index, Thread.currentThread());
                });
            }

            Thread caller = TestThreads.callWithin(RUN_ALL, LIMIT, () -> {
                Launcher.runAll(names, tasks);
                return Thread.currentThread();
            });

            Set<Thread> threads = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String task = "with " + count + " task(s), task " + i + " ('" + names.get(i) + "')";
                assertEquals(1, runs.get(i), task + " ran " + runs.get(i) + " times, expected exactly once");
                Thread thread = ranOn.get(i);
                assertNotSame(caller, thread, task + " ran on the thread that called runAll: create a new Thread"
                        + " for each task and start() it");
                assertEquals(names.get(i), thread.getName(), task + " ran on a thread named '" + thread.getName()
                        + "': name each thread after its task, for example new Thread(task, name)");
                threads.add(thread);
            }
            assertEquals(count, threads.size(), "the " + count + " tasks ran on " + threads.size()
                    + " threads: each task needs a thread of its own");
        }
    }

    @Graded(task = "launch", points = 2)
    @DisplayName("runAll starts every thread before it joins any: tasks that wait for each other all get through")
    void startsEveryThreadBeforeJoiningAny() throws Exception {
        int count = 3;
        CyclicBarrier meeting = new CyclicBarrier(count);
        AtomicInteger gotThrough = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(() -> {
                if (meet(meeting)) {
                    gotThrough.incrementAndGet();
                }
            });
        }

        TestThreads.runWithin(RUN_ALL, LIMIT, () -> Launcher.runAll(List.of("one", "two", "three"), tasks));

        assertEquals(count, gotThrough.get(), () -> "only " + gotThrough.get() + " of " + count + " tasks met the"
                + " others at a barrier where each waits up to " + MEETING.toSeconds() + " s for all " + count
                + ": the tasks did not run at the same time. Start every thread first, then join them");
    }

    @Graded(task = "launch", points = 1)
    @DisplayName("runAll returns only after every thread it started has ended")
    void returnsOnlyAfterEveryThreadHasEnded() throws Exception {
        List<String> names = List.of("slow-1", "slow-2", "slow-3");
        AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(names.size());
        AtomicIntegerArray finished = new AtomicIntegerArray(names.size());
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            tasks.add(() -> {
                ranOn.set(index, Thread.currentThread());
                pause(100); // a task that takes a while
                finished.set(index, 1);
            });
        }

        TestThreads.runWithin(RUN_ALL, LIMIT, () -> Launcher.runAll(names, tasks));

        for (int i = 0; i < names.size(); i++) {
            Thread thread = ranOn.get(i);
            String task = "task " + i + " ('" + names.get(i) + "')";
            assertNotNull(thread, "runAll returned before " + task + " had even started: join every thread"
                    + " before returning");
            assertEquals(1, finished.get(i), "runAll returned while " + task + " was still running: join every"
                    + " thread before returning");
            assertFalse(thread.isAlive(), "runAll returned while thread '" + thread.getName() + "' was still alive:"
                    + " join every thread before returning");
        }
    }

    @Graded(task = "launch", points = 1)
    @DisplayName("runAll throws ExecutionException with the first failure in list order, after all tasks have ended")
    void throwsTheFirstFailureInListOrder() throws Exception {
        RuntimeException secondFails = new IllegalStateException("task 'second' failed");
        RuntimeException fourthFails = new ArithmeticException("task 'fourth' failed");
        CountDownLatch fourthHasFailed = new CountDownLatch(1);
        AtomicBoolean firstDone = new AtomicBoolean();
        AtomicBoolean thirdDone = new AtomicBoolean();
        List<Runnable> tasks = List.of(
                () -> firstDone.set(true),
                () -> {
                    await(fourthHasFailed); // fails later in time than 'fourth', but comes first in the list
                    throw secondFails;
                },
                () -> {
                    await(fourthHasFailed);
                    pause(100); // still running when the others have failed
                    thirdDone.set(true);
                },
                () -> {
                    fourthHasFailed.countDown();
                    throw fourthFails;
                });

        ExecutionException thrown = null;
        try {
            TestThreads.runWithin(RUN_ALL, LIMIT,
                    () -> Launcher.runAll(List.of("first", "second", "third", "fourth"), tasks));
        } catch (ExecutionException expected) {
            thrown = expected;
        }

        assertNotNull(thrown, "runAll returned normally although tasks 'second' and 'fourth' threw: throw an"
                + " ExecutionException whose cause is the first failure in list order");
        Throwable cause = thrown.getCause();
        assertSame(secondFails, cause, () -> "the ExecutionException's cause should be the exception of 'second',"
                + " the first failing task in list order (" + secondFails + "), but was " + cause);
        assertTrue(firstDone.get(), "task 'first' did not run");
        assertTrue(thirdDone.get(), "runAll threw before task 'third' had finished: wait for every thread,"
                + " also when a task failed, then throw");
    }

    @Graded(task = "launch", points = 1)
    @DisplayName("runAll rejects lists of different sizes or holding null, and returns at once for no tasks")
    void checksItsArguments() throws Exception {
        Runnable nothing = () -> { };
        TestThreads.runWithin("runAll([], [])", LIMIT, () -> Launcher.runAll(List.of(), List.of()));
        assertRejected("runAll([a], [])", () -> Launcher.runAll(List.of("a"), List.of()));
        assertRejected("runAll([a, b], [task])", () -> Launcher.runAll(List.of("a", "b"), List.of(nothing)));
        assertRejected("runAll([a, null], [task, task])",
                () -> Launcher.runAll(Arrays.asList("a", null), List.of(nothing, nothing)));
        assertRejected("runAll([a, b], [task, null])",
                () -> Launcher.runAll(List.of("a", "b"), Arrays.asList(nothing, null)));
    }

    /** Waits at the barrier for the other tasks; false where they did not all arrive in time. */
    private static boolean meet(CyclicBarrier meeting) {
        try {
            meeting.await(MEETING.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | BrokenBarrierException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(ORDERING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
