package exercises.race;

import exercises.Counter;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** Corpus, correct: a CyclicBarrier of all threads as the start gate, threads kept in an array. */
public final class RaceDemo {

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws InterruptedException {
        if (counter == null || threads < 1 || perThread < 0) {
            throw new IllegalArgumentException("need a counter, threads >= 1 and perThread >= 0");
        }
        CyclicBarrier startGate = new CyclicBarrier(threads);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    startGate.await(); // the last thread to arrive opens the gate for all of them
                } catch (InterruptedException | BrokenBarrierException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    counter.increment();
                }
            }, "racer-" + t);
            workers[t].start();
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
