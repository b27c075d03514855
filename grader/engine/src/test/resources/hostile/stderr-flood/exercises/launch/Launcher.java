package exercises.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Hostile: every runAll first writes 2 MB to System.err, as fast as it can. Otherwise the reference. */
public final class Launcher {

    private Launcher() {
    }

    private static final String MEGABYTE = "flood ".repeat(1024 * 1024 / 6);

    private static void flood() {
        for (int i = 0; i < 2; i++) {
            System.err.println(MEGABYTE);
        }
    }

    /**
     * Runs {@code tasks.get(i)} on a new thread named {@code names.get(i)}, all at the same time, and returns once
     * every thread has ended.
     *
     * @throws ExecutionException       where a task threw; the cause is the first failure in list order
     * @throws IllegalArgumentException where the lists differ in size or hold a {@code null}
     */
    public static void runAll(List<String> names, List<Runnable> tasks)
            throws InterruptedException, ExecutionException {
        flood();
        if (names == null || tasks == null || names.size() != tasks.size()) {
            throw new IllegalArgumentException("names and tasks must be two lists of the same size");
        }
        // Not names.contains(null): immutable lists such as List.of(...) throw NullPointerException for that.
        if (names.stream().anyMatch(Objects::isNull) || tasks.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("names and tasks must not hold null");
        }
        // failures[i] is written by thread i only; join() makes the write visible here.
        Throwable[] failures = new Throwable[tasks.size()];
        List<Thread> threads = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            Runnable task = tasks.get(i);
            // A task's exception cannot reach the joining thread by itself: catch it inside the task's thread.
            threads.add(new Thread(() -> {
                try {
                    task.run();
                } catch (Throwable failure) {
                    failures[index] = failure;
                }
            }, names.get(i)));
        }
        // Start every thread before joining any: joining the first one before starting the second would run the
        // tasks one after the other, and tasks that wait for each other would never meet.
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                throw new ExecutionException("task " + i + " on thread '" + names.get(i) + "' failed", failures[i]);
            }
        }
    }

    /** Replays the lecture's walkthrough: two threads log, sleep {@code (x + y) * unit}, log again; then main logs. */
    public static void demo(Consumer<String> log, Duration unit) throws InterruptedException {
        Thread first = walker("Thread 1", 1, 2, log, unit);
        Thread second = walker("Thread 2", 0.1, 0.2, log, unit);
        first.start();
        second.start();
        first.join();
        second.join();
        log.accept("Main thread finished");
    }

    private static Thread walker(String name, double x, double y, Consumer<String> log, Duration unit) {
        return new Thread(() -> {
            log.accept(name + " got x=" + x + ", y=" + y);
            Duration pause = Duration.ofNanos(Math.round((x + y) * unit.toNanos()));
            try {
                TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // asked to stop: leave without the "finished" line
                return;
            }
            log.accept(name + " finished after " + String.format(Locale.ROOT, "%.2f", x + y) + " seconds");
        }, name);
    }

    /** Runs the demo with one-second units and prints it. */
    public static void main(String[] args) throws InterruptedException {
        demo(System.out::println, Duration.ofSeconds(1));
    }
}
