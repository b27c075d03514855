package exercises.race;

import exercises.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Task {@code race}, reference: several threads increment one counter at the same time. */
public final class RaceDemo {

    private RaceDemo() {
    }

    /**
     * Starts {@code threads} threads that each call {@code counter.increment()} {@code perThread} times, released
     * together, joins them and returns {@code counter.get()}.
     *
     * @throws IllegalArgumentException where {@code threads < 1} or {@code perThread < 0}
     */
    public static long run(Counter counter, int threads, int perThread) throws InterruptedException {
        if (counter == null || threads < 1 || perThread < 0) {
            throw new IllegalArgumentException(
                    "need a counter, threads >= 1 and perThread >= 0, got threads=" + threads
                            + ", perThread=" + perThread);
        }
        CountDownLatch startGate = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    startGate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    counter.increment();
                }
            }, "racer-" + t);
            workers.add(worker);
            worker.start();
        }
        // The start gate: a thread started early would otherwise be done before the last one starts, and the
        // threads would not overlap. Opened once, it lets all of them go at the same moment.
        startGate.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        return counter.get();
    }

    /**
     * Runs {@code run(new UnsafeCounter(), threads, perThread)} up to {@code attempts} times and returns the updates
     * lost by the first attempt that lost some, or 0 where none did.
     *
     * @throws IllegalArgumentException where {@code threads < 1}, {@code perThread < 0} or {@code attempts < 0}
     */
    public static long lostUpdates(int threads, int perThread, int attempts) throws InterruptedException {
        if (threads < 1 || perThread < 0 || attempts < 0) {
            throw new IllegalArgumentException("need threads >= 1, perThread >= 0 and attempts >= 0, got threads="
                    + threads + ", perThread=" + perThread + ", attempts=" + attempts);
        }
        long expected = (long) threads * perThread;
        for (int attempt = 0; attempt < attempts; attempt++) {
            long lost = expected - run(new UnsafeCounter(), threads, perThread);
            if (lost > 0) {
                return lost;
            }
        }
        return 0;
    }
}
