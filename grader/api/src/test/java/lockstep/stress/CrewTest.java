package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stress run's worker threads: started once per thread count, reused by every repetition, ended after it. */
@Timeout(60)
class CrewTest {

    private static final long LONG_SECONDS = 20;

    private static long later() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(LONG_SECONDS);
    }

    /** Runs a round of {@code action} and waits for it to finish. */
    private static Crew.Round finish(Crew crew, Crew.Action action) throws InterruptedException {
        Crew.Round round = crew.begin(action);
        List<Thread> running = round.await(later());
        assertEquals(List.of(), running, "the round finished");
        return round;
    }

    /** Waits until {@code thread} has ended, failing after {@link #LONG_SECONDS}. */
    private static void assertEnds(Thread thread) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(LONG_SECONDS));
        assertFalse(thread.isAlive(), thread.getName() + " ended");
    }

    /** Runs a round on {@code crew} and returns the thread each index ran on, by index. */
    private static List<Thread> threadsOfARound(Crew crew) throws InterruptedException {
        AtomicReferenceArray<Thread> threads = new AtomicReferenceArray<>(crew.size());
        finish(crew, i -> threads.set(i, Thread.currentThread()));
        return IntStream.range(0, threads.length()).mapToObj(threads::get).toList();
    }

    @Test
    void everyRoundRunsOnTheSameNamedThreadsOneForEachIndex() throws Exception {
        List<Thread> first;
        List<Thread> second;
        try (Crew crew = Crew.start(3, i -> "worker-" + i)) {
            first = threadsOfARound(crew);
            second = threadsOfARound(crew);
        }
        for (int i = 0; i < 3; i++) {
            assertSame(first.get(i), second.get(i), "index " + i + " ran on the same thread both times");
            assertEquals("worker-" + i, first.get(i).getName());
            assertTrue(first.get(i).isDaemon());
        }
        assertEquals(3, first.stream().distinct().count());
    }

    @Test
    void keepsWhatEachIndexThrewAndGivesEachRoundAFreshThreadState() throws Exception {
        try (Crew crew = Crew.start(2, i -> "worker-" + i)) {
            Crew.Round throwing = finish(crew, i -> {
                Thread.currentThread().interrupt();
                Thread.currentThread().setName("renamed by the code under test");
                Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
                if (i == 1) {
                    throw new IllegalStateException("index 1 failed");
                }
            });
            assertNull(throwing.thrown(0));
            assertEquals("index 1 failed", throwing.thrown(1).getMessage());
            assertEquals("worker-1", throwing.name(1), "messages name the worker, whatever the code renamed it to");

            String[] state = new String[2];
            finish(crew, i -> state[i] = Thread.currentThread().isInterrupted() + " "
                    + Thread.currentThread().getName() + " " + Thread.currentThread().getPriority());
            assertEquals("false worker-0 " + Thread.NORM_PRIORITY, state[0]);
            assertEquals("false worker-1 " + Thread.NORM_PRIORITY, state[1]);
        }
    }

    @Test
    void aWorkerStillInItsRoundIsReportedAndAnAbandonedCrewBeginsNoOtherRound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Crew crew = Crew.start(2, i -> "worker-" + i);
        Crew.Round round = crew.begin(i -> {
            if (i == 0) {
                release.await();
            } else {
                secondDone.countDown();
            }
        });
        assertTrue(secondDone.await(LONG_SECONDS, TimeUnit.SECONDS));
        List<Thread> running = round.await(System.nanoTime());
        while (running.size() > 1) { // worker-1 counted down, and is about to mark its round finished
            running = round.await(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertEquals(1, running.size());
        assertEquals("worker-0", running.get(0).getName());
        assertThrows(IllegalStateException.class, () -> crew.begin(i -> { }), "the round has not finished");

        round.abandon();
        assertThrows(IllegalStateException.class, () -> crew.begin(i -> { }), "an abandoned crew begins no round");
        crew.close(); // does not wait for the stuck worker (the test's timeout would tell)
        Thread stuck = running.get(0);
        assertTrue(stuck.isAlive());
        release.countDown(); // its round ends: then it takes the end the crew was given
        assertEnds(stuck);
    }

    @Test
    void closeEndsEveryIdleWorker() throws Exception {
        Crew crew = Crew.start(4, i -> "worker-" + i);
        List<Thread> workers = threadsOfARound(crew);
        crew.close();
        for (int i = 0; i < 4; i++) {
            assertEnds(workers.get(i));
        }
        assertThrows(IllegalStateException.class, () -> crew.begin(i -> { }), "a closed crew begins no round");
    }

    @Test
    void anIdleWorkerEndsByItselfAndANewThreadTakesTheNextRound() throws Exception {
        List<Thread> first;
        List<Thread> second;
        try (Crew crew = Crew.start(1, i -> "worker-" + i)) {
            first = threadsOfARound(crew);
            first.get(0).interrupt(); // an interrupt while idle does not end it early, nor make it miss a round
            assertEnds(first.get(0)); // nobody closed the crew: the worker ends after its idle time
            second = threadsOfARound(crew);
        }
        assertNotSame(first.get(0), second.get(0));
        assertEquals("worker-0", second.get(0).getName());
    }

    @Test
    void aRoundBegunRightAfterAnotherIsNeverMissed() throws Exception {
        int[] counts = new int[4];
        try (Crew crew = Crew.start(4, i -> "worker-" + i)) {
            for (int round = 0; round < 2_000; round++) {
                finish(crew, i -> counts[i]++);
            }
        }
        assertEquals("[2000, 2000, 2000, 2000]", Arrays.toString(counts));
    }
}
