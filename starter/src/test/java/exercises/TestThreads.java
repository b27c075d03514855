package exercises;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs the tests' own threads: several released together through a start gate, or one that calls your code, each
 * with a time limit. A thread that does not end in time makes the test fail with what it was doing (and with the lock
 * cycle, where threads are deadlocked) instead of hanging. All these threads are daemon threads, so a stuck one cannot
 * keep the test JVM alive; threads your code starts from them are daemon threads too.
 */
public final class TestThreads {

    /** How long a group of test threads, or one call into your code, may take before the test calls it a hang. */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    /** How long a thread waits at a barrier for the others before the test gives up on meeting them. */
    public static final Duration MEETING = Duration.ofSeconds(5);

    private TestThreads() {
    }

    /** The work of thread number {@code index} of a group. */
    @FunctionalInterface
    public interface Body {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code body} on {@code count} new threads named {@code "<label> #<index>"}, all released at once, and
     * returns when all have ended. Rethrows the first failure in index order, as it was thrown; fails where the threads
     * do not end within {@link #LIMIT}.
     */
    public static void runTogether(String label, int count, Body body) throws Exception {
        runTogether(label, index -> label + " #" + index, count, body);
    }

    /** {@link #runTogether(String, int, Body)} with thread names of the test's choice, such as {@code "A->B #0"}. */
    public static void runTogether(String label, IntFunction<String> threadName, int count, Body body)
            throws Exception {
        CountDownLatch startGate = new CountDownLatch(1);
        Throwable[] failures = new Throwable[count];
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(daemon(threadName.apply(i), () -> {
                try {
                    startGate.await();
                    body.run(index);
                } catch (Throwable failure) {
                    failures[index] = failure;
                }
            }));
        }
        threads.forEach(Thread::start);
        startGate.countDown();
        awaitAll(label, threads, LIMIT);
        for (Throwable failure : failures) {
            if (failure != null) {
                throw rethrowable(failure);
            }
        }
    }

    /**
     * Calls {@code action} on a thread of its own and returns its result, or rethrows what it threw as it was thrown.
     * Fails with the state of the threads involved where it does not return within {@code limit}.
     *
     * @param what the call, as a student reads it, for example {@code "Launcher.runAll(...)"}
     */
    public static <T> T callWithin(String what, Duration limit, Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = daemon(what + " caller", () -> {
            try {
                result.set(action.call());
            } catch (Throwable thrown) {
                failure.set(thrown);
            }
        });
        caller.start();
        awaitAll(what, List.of(caller), limit);
        if (failure.get() != null) {
            throw rethrowable(failure.get());
        }
        return result.get();
    }

    /** {@link #callWithin} for a call that returns nothing. */
    public static void runWithin(String what, Duration limit, Action action) throws Exception {
        callWithin(what, limit, () -> {
            action.run();
            return null;
        });
    }

    /** A call into your code that returns nothing and may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void awaitAll(String what, List<Thread> threads, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
        if (!stuck.isEmpty()) {
            String report = StuckThreadReport.of(stuck, threads.size());
            stuck.forEach(Thread::interrupt);
            fail(what + " did not finish within " + limit.toSeconds() + " s: " + report);
        }
    }

    private static Exception rethrowable(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof Exception exception ? exception : new IllegalStateException(failure);
    }
}
