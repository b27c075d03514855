package exercises.race;

import exercises.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Corpus: threads start counting as soon as they are started, one after the other. */
public final class RaceDemo {

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws InterruptedException {
        if (counter == null || threads < 1 || perThread < 0) {
            throw new IllegalArgumentException("need a counter, threads >= 1 and perThread >= 0");
        }
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    counter.increment();
                }
            }, "racer-" + t);
            workers.add(worker);
            worker.start(); // BUG: no start gate; the first threads may be done before the last one starts
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return counter.get();
    }

    public static long lostUpdates(int threads, int perThread, int attempts) throws InterruptedException {
        if (threads < 1 || perThread < 0 || attempts < 0) {
            throw new IllegalArgumentException("need threads >= 1, perThread >= 0 and attempts >= 0");
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
