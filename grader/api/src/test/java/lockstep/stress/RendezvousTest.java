package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendezvousTest {

    private static void runOneAfterAnother(int threads, Runnable task) throws InterruptedException {
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(task);
            thread.start();
            thread.join();
        }
    }

    private static void runTogether(int threads, Runnable task) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(task);
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
    }

    @Test
    void sequentialCodeIsNamedNotConcurrent() throws InterruptedException {
        Rendezvous meeting = new Rendezvous(3, Duration.ofMillis(100));

        runOneAfterAnother(3, meeting::arrive);

        assertFalse(meeting.met());
        AssertionError failure = assertThrows(AssertionError.class, meeting::verify);
        assertEquals("not concurrent: only 1 of 3 threads were running at the same time (waited 100 ms for all of "
                + "them to meet) — did you start each thread before joining the previous one?", failure.getMessage());
    }

    @Test
    void threadsStartedBeforeAnyJoinMeet() throws InterruptedException {
        Rendezvous meeting = new Rendezvous(16, Duration.ofSeconds(20));

        runTogether(16, meeting::arrive);

        assertTrue(meeting.met());
        assertEquals(16, meeting.mostAtOnce());
        meeting.verify();
    }

    @Test
    void onlyTheFirstCallOfEachThreadWaits() throws InterruptedException {
        Rendezvous meeting = new Rendezvous(4, Duration.ofSeconds(20));

        runTogether(4, () -> {
            for (int i = 0; i < 100; i++) {
                meeting.arriveOncePerThread();
            }
        });

        meeting.verify();
    }

    @Test
    void arrivalsBeyondThePartiesDoNotWait() throws InterruptedException {
        Rendezvous meeting = new Rendezvous(2, Duration.ofSeconds(20));
        runTogether(2, meeting::arrive);

        runOneAfterAnother(3, meeting::arrive);

        meeting.verify();
    }

    @Test
    void interruptedArrivalKeepsItsInterruptStatusAndFails() {
        Rendezvous meeting = new Rendezvous(2, Duration.ofSeconds(20));

        Thread.currentThread().interrupt();
        meeting.arrive();

        assertTrue(Thread.interrupted());
        assertThrows(AssertionError.class, meeting::verify);
    }
}
