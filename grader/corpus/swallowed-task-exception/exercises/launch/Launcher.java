package exercises.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Corpus: a task's exception is caught and dropped. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks)
            throws InterruptedException, ExecutionException {
        if (names == null || tasks == null || names.size() != tasks.size()
                || names.stream().anyMatch(Objects::isNull) || tasks.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("names and tasks must be two lists of the same size, without null");
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Runnable task = tasks.get(i);
            threads.add(new Thread(() -> {
                try {
                    task.run();
                } catch (RuntimeException failure) {
                    // BUG: swallowed; the caller never learns that the task failed
                }
            }, names.get(i)));
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

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
            try {
                TimeUnit.NANOSECONDS.sleep(Math.round((x + y) * unit.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            log.accept(name + " finished after " + String.format(Locale.ROOT, "%.2f", x + y) + " seconds");
        }, name);
    }

    public static void main(String[] args) throws InterruptedException {
        demo(System.out::println, Duration.ofSeconds(1));
    }
}
