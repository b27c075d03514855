package lockstep.stress;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.opentest4j.AssertionFailedError;

/**
 * A concurrency probe: {@code parties} threads must all be waiting here at the same time, within {@code timeout} of
 * the first arrival. Code that runs its threads one after the other never gets more than one here at once; the
 * probe then gives up (every later arrival returns at once) and {@link #verify()} fails with how many threads were
 * running together. Arriving never throws, so a probe inside a task does not change how the code under test
 * behaves. Safe to call from any number of threads.
 *
 * <pre>{@code
 * Rendezvous meeting = new Rendezvous(4, Duration.ofSeconds(5));
 * Launcher.runAll(names, List.of(meeting::arrive, meeting::arrive, meeting::arrive, meeting::arrive));
 * meeting.verify();
 * }</pre>
 *
 * <p>To probe code that calls an interface (such as a counter), wrap it: call {@link #arriveOncePerThread()} first
 * in the method the threads call, so each thread's first call waits for the others.
 */
public final class Rendezvous {

    private final int parties;
    private final Duration timeout;
    private final CyclicBarrier barrier;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicLong deadline = new AtomicLong();
    private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
    private volatile boolean met;

    /** A rendezvous of {@code parties} threads (at least 1) that waits at most {@code timeout} for all of them. */
    public Rendezvous(int parties, Duration timeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, was " + parties);
        }
        this.parties = parties;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.barrier = new CyclicBarrier(parties, () -> met = true);
    }

    /**
     * Waits until all parties are here or the timeout has passed since the first arrival; returns at once where the
     * rendezvous already failed or every party already met. Keeps the thread's interrupt status.
     */
    public void arrive() {
        if (arrivals.incrementAndGet() > parties) {
            return;
        }
        deadline.compareAndSet(0, System.nanoTime() + timeout.toNanos());
        mostAtOnce.accumulateAndGet(waiting.incrementAndGet(), Math::max);
        try {
            long left = Math.max(1, deadline.get() - System.nanoTime());
            barrier.await(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // The rendezvous failed; verify() reports it.
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** {@link #arrive()} on the calling thread's first call; returns at once on its later calls. */
    public void arriveOncePerThread() {
        if (arrived.add(Thread.currentThread())) {
            arrive();
        }
    }

    /** Whether all parties were here at the same time. */
    public boolean met() {
        return met;
    }

    /** The most threads that were waiting here at the same time. */
    public int mostAtOnce() {
        return met ? parties : mostAtOnce.get();
    }

    /**
     * Fails unless all parties met: {@code not concurrent: only k of N threads were running at the same time — did
     * you start each thread before joining the previous one?}
     */
    public void verify() {
        if (!met) {
            throw new AssertionFailedError(StressMessages.notConcurrent(mostAtOnce(), parties, timeout));
        }
    }

    /** {@link #verify()}, with the failure message starting with {@code call}, such as {@code RaceDemo.run(c, 4, 10)}. */
    public void verify(String call) {
        if (!met) {
            throw new AssertionFailedError(call + ": " + StressMessages.notConcurrent(mostAtOnce(), parties, timeout));
        }
    }
}
