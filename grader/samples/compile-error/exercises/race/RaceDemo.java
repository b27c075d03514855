package exercises.race;

import exercises.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Sample: a compile error in one task. */
public final class RaceDemo {

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws InterruptedException {
        if (threads < 1 || perThread < 0) {
            throw new IllegalArgumentException("threads >= 1 and perThread >= 0")
        }
        CountDownLatch startGate = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    startGate.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    counter.increment();
                }
            });
            workers.add(worker);
            worker.start();
        }
        startGate.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        return counter.get();
    }

    public static long lostUpdates(int threads, int perThread, int attempts) throws InterruptedException {
        for (int attempt = 0; attempt < attempts; attempt++) {
            long lost = (long) threads * perThread - run(new UnsafeCounter(), threads, perThread);
            if (lost > 0) {
                return lost;
            }
        }
        return 0;
    }
}
