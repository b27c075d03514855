package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);

    @Test
    void returnsWhatTheCallReturns() throws Exception {
        assertEquals(42, Watchdog.call("answer()", GENEROUS, () -> 42));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void rethrowsWhatTheCallThrew() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad");

        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> Watchdog.run("check()", GENEROUS, () -> {
            throw thrown;
        })));
    }

    @Test
    void callThatNeverReturnsFailsWithWhereItWaits() {
        CountDownLatch never = new CountDownLatch(1);

        AssertionError failure = assertThrows(AssertionError.class,
                () -> Watchdog.run("Launcher.runAll(names, tasks)", Duration.ofMillis(200), never::await));

        assertTrue(failure.getMessage().startsWith("Launcher.runAll(names, tasks) did not return within 200 ms: "
                + "hang: 1 thread never finished, with no lock cycle among them: \""
                + Thread.currentThread().getName() + "\""), failure.getMessage());
        assertInstanceOf(InterruptedException.class, failure.getCause());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void threadsStartedByTheCallAreDiagnosedToo() {
        CountDownLatch never = new CountDownLatch(1);
        Thread[] helper = new Thread[1];

        AssertionError failure = assertThrows(AssertionError.class,
                () -> Watchdog.run("runAll()", Duration.ofMillis(200), () -> {
                    helper[0] = new Thread(() -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "helper-0");
                    helper[0].setDaemon(true);
                    helper[0].start();
                    helper[0].join();
                }));

        assertTrue(failure.getMessage().contains("hang: 2 threads never finished"), failure.getMessage());
        assertTrue(failure.getMessage().contains("\"helper-0\""), failure.getMessage());
        helper[0].interrupt();
    }
}
