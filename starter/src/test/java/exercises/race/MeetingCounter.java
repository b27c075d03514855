package exercises.race;

import exercises.Counter;
import exercises.TestThreads;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A correct counter that only counts once all threads are running: in its first {@link #increment()} each thread
 * waits at a barrier until {@code threads} threads have arrived. Threads that run one after the other never all
 * arrive, and after {@link TestThreads#MEETING} each one gives up and is counted as having missed the others.
 */
final class MeetingCounter implements Counter {

    private final CyclicBarrier meeting;
    private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
    private final AtomicInteger missed = new AtomicInteger();
    private final AtomicLong count = new AtomicLong();

    MeetingCounter(int threads) {
        meeting = new CyclicBarrier(threads);
    }

    @Override
    public void increment() {
        if (arrived.add(Thread.currentThread())) {
            try {
                meeting.await(TestThreads.MEETING.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                missed.incrementAndGet();
            } catch (InterruptedException e) {
                missed.incrementAndGet();
                Thread.currentThread().interrupt();
            }
        }
        count.incrementAndGet();
    }

    @Override
    public long get() {
        return count.get();
    }

    /** How many threads gave up waiting for the others. */
    int missed() {
        return missed.get();
    }
}
