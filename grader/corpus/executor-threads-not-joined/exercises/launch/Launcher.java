package exercises.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Corpus: an ExecutorService, waited for with awaitTermination() alone. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks)
            throws InterruptedException, ExecutionException {
        if (names == null || tasks == null || names.size() != tasks.size()
                || names.stream().anyMatch(Objects::isNull) || tasks.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("names and tasks must be two lists of the same size, without null");
        }
        if (tasks.isEmpty()) {
            return;
        }
        // The pool makes one new thread per task submitted while it has fewer than tasks.size(): the factory is
        // called in submission order, so thread i gets names.get(i) and runs task i.
        Iterator<String> threadNames = names.iterator();
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), task -> new Thread(task, threadNames.next()));
        List<Future<?>> results = new ArrayList<>();
        try {
            for (Runnable task : tasks) {
                results.add(pool.submit(task));
            }
        } finally {
            pool.shutdown();
        }
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) { // BUG: the pool's threads may not have ended yet
            // keep waiting for the tasks
        }
        for (Future<?> result : results) {
            result.get(); // ExecutionException with the task's own exception, the first in list order
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
