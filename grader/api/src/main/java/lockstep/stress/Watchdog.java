package lockstep.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * Calls code under test on the calling thread with a time limit. Where the call has not returned when the limit
 * passes, a watcher diagnoses the calling thread and every thread started since the call began (deadlock cycle or
 * hang, with where each thread is), interrupts the caller once, and the call fails with that diagnosis instead of
 * running into the test's own timeout. Stuck threads are abandoned, never stopped.
 *
 * <pre>{@code
 * long count = Watchdog.call("RaceDemo.run(counter, 4, 100)", Duration.ofSeconds(10),
 *         () -> RaceDemo.run(counter, 4, 100));
 * }</pre>
 */
public final class Watchdog {

    /** Code under test that returns nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Thread caller = Thread.currentThread();
    private final Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    private final CountDownLatch done = new CountDownLatch(1);
    private HangDiagnosis fired; // guarded by this
    private boolean finished; // guarded by this

    private Watchdog() {
    }

    /**
     * Runs {@code call} on this thread and returns its result, or rethrows what it threw.
     *
     * @param what  the call as a student reads it, such as {@code Launcher.runAll(names, tasks)}
     * @param limit how long it may take
     * @throws AssertionError where it did not return within {@code limit}
     */
    public static <T> T call(String what, Duration limit, Callable<T> call) throws Exception {
        Objects.requireNonNull(call, "call");
        Watchdog watch = new Watchdog();
        watch.start(limit);
        T result;
        try {
            result = call.call();
        } catch (Exception | Error e) {
            HangDiagnosis diagnosis = watch.end();
            if (diagnosis != null) {
                throw new AssertionFailedError(StressMessages.overdue(what, limit, diagnosis), e);
            }
            throw e;
        }
        HangDiagnosis diagnosis = watch.end();
        if (diagnosis != null) {
            throw new AssertionFailedError(StressMessages.overdue(what, limit, diagnosis));
        }
        return result;
    }

    /** {@link #call} for code that returns nothing. */
    public static void run(String what, Duration limit, Action action) throws Exception {
        call(what, limit, () -> {
            action.run();
            return null;
        });
    }

    private void start(Duration limit) {
        Thread watcher = new Thread(() -> {
            try {
                if (done.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            List<Thread> suspects = new ArrayList<>();
            suspects.add(caller);
            Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t != Thread.currentThread())
                    .forEach(suspects::add);
            HangDiagnosis diagnosis = HangDiagnosis.of(suspects, Map.of());
            synchronized (this) {
                if (!finished) {
                    fired = diagnosis;
                    caller.interrupt();
                }
            }
        }, "lockstep-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Ends the watch; returns the diagnosis where the watcher fired (and clears the interrupt it sent), else null. */
    private HangDiagnosis end() {
        HangDiagnosis diagnosis;
        synchronized (this) {
            finished = true;
            diagnosis = fired;
        }
        done.countDown();
        if (diagnosis != null) {
            Thread.interrupted();
        }
        return diagnosis;
    }
}
