package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadWitnessTest {

    private static final List<String> NAMES = List.of("worker-0", "worker-1");

    private static List<Thread> startNamed(ThreadWitness witness, Runnable body) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Thread thread = new Thread(witness.task(i, body), NAMES.get(i));
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    @Test
    void tasksOnOwnNewNamedJoinedThreadsPass() throws InterruptedException {
        ThreadWitness witness = new ThreadWitness(2);

        for (Thread thread : startNamed(witness, () -> { })) {
            thread.join();
        }

        witness.verifyEachRanOnceOnOwnNewThread(NAMES);
        witness.verifyAllTerminated();
    }

    @Test
    void taskOnTheCallingThreadFails() {
        ThreadWitness witness = new ThreadWitness(1);

        witness.task(0, () -> { }).run();

        AssertionError failure = assertThrows(AssertionError.class,
                () -> witness.verifyEachRanOnceOnOwnNewThread(List.of("worker-0")));
        assertEquals("task 0 ran on the calling thread (the one that called the method under test): start a new"
                + " thread for each task", failure.getMessage());
    }

    @Test
    void aTaskRunOnTheCallingThreadIsNamedAsSuchNotAsAThreadLeftRunning() {
        ThreadWitness witness = new ThreadWitness(1);

        witness.task(0, () -> { }).run();

        AssertionError failure = assertThrows(AssertionError.class, witness::verifyAllTerminated);
        assertEquals("task 0 ran on the calling thread (the one that called the method under test) instead of"
                + " a thread of its own, so there was no thread to wait for: start a new thread for each task",
                failure.getMessage());
    }

    @Test
    void taskThatNeverRanOrRanTwiceFails() {
        ThreadWitness never = new ThreadWitness(1);
        ThreadWitness twice = new ThreadWitness(1);
        twice.task(0, () -> { }).run();
        twice.task(0, () -> { }).run();

        assertEquals("task 0 ran never: every task must run exactly once", assertThrows(AssertionError.class,
                () -> never.verifyEachRanOnceOnOwnNewThread(List.of("worker-0"))).getMessage());
        assertEquals("task 0 ran 2 times: every task must run exactly once", assertThrows(AssertionError.class,
                () -> twice.verifyEachRanOnceOnOwnNewThread(List.of("worker-0"))).getMessage());
    }

    @Test
    void wrongThreadNameFails() throws InterruptedException {
        ThreadWitness witness = new ThreadWitness(1);
        Thread thread = new Thread(witness.task(0, () -> { }), "Thread-x");
        thread.start();
        thread.join();

        AssertionError failure = assertThrows(AssertionError.class,
                () -> witness.verifyEachRanOnceOnOwnNewThread(List.of("worker-0")));
        assertEquals("task 0 ran on a thread named \"Thread-x\", expected \"worker-0\"", failure.getMessage());
    }

    @Test
    void threadThatExistedBeforeFails() throws InterruptedException {
        CountDownLatch witnessReady = new CountDownLatch(1);
        ThreadWitness[] witness = new ThreadWitness[1];
        Thread pooled = new Thread(() -> {
            try {
                witnessReady.await();
            } catch (InterruptedException e) {
                return;
            }
            witness[0].task(0, () -> { }).run();
        }, "worker-0");
        pooled.start();
        witness[0] = new ThreadWitness(1);
        witnessReady.countDown();
        pooled.join();

        AssertionError failure = assertThrows(AssertionError.class,
                () -> witness[0].verifyEachRanOnceOnOwnNewThread(List.of("worker-0")));
        assertEquals("task 0 ran on thread \"worker-0\", which existed before the call: start a new thread for "
                + "each task", failure.getMessage());
    }

    @Test
    void threadStillRunningAtReturnFails() throws InterruptedException {
        ThreadWitness witness = new ThreadWitness(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        List<Thread> threads = startNamed(witness, () -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        running.await();

        AssertionError failure = assertThrows(AssertionError.class, witness::verifyAllTerminated);
        assertEquals("thread \"worker-0\" (task 0) was still running when the call returned: "
                + "join every thread you start", failure.getMessage());
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
