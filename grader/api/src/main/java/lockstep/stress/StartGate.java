package lockstep.stress;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Releases the threads of one repetition together: they meet at a barrier, whose last arrival fixes a release
 * instant a few microseconds ahead, and every thread spins until that instant, so threads that woke up at different
 * times still start their actions at once. Used once; safe to call from the threads it releases.
 */
final class StartGate {

    /** Long enough for the barrier's wake-ups to land, short enough to cost nothing. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final CyclicBarrier barrier;
    private volatile long releaseAt;

    StartGate(int parties) {
        this.barrier = new CyclicBarrier(parties, () -> releaseAt = System.nanoTime() + SPIN_NANOS);
    }

    /**
     * Waits until every party has arrived, then until the common release instant.
     *
     * @throws TimeoutException where not every party arrived by {@code deadlineNanos} (a {@link System#nanoTime()})
     */
    void pass(long deadlineNanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        barrier.await(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        long release = releaseAt;
        while (System.nanoTime() - release < 0) {
            Thread.onSpinWait();
        }
    }
}
