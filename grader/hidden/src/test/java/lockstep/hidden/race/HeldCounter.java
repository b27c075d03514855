package lockstep.hidden.race;

import exercises.Counter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A probe for "run waits for its threads": each thread's last increment is held, uncounted, until the thread that
 * called run waits without a time limit (as {@code join()} does) or {@code hold} has passed. Code that waits for its
 * threads cannot return while one is held; code that returns anyway (no join, or a sleep that guesses how long the
 * threads need) is caught whatever its timing, up to {@code hold}. {@link #get()} returns a sentinel, so that a count
 * of run's own is told apart. Thread-safe; {@link #release()} lets every held thread go.
 */
final class HeldCounter implements Counter {

    /** How often a held thread looks at the caller; a wait seen this many times in a row releases the hold. */
    private static final long LOOK_NANOS = 1_000_000L;
    private static final int WAITS_SEEN_TO_RELEASE = 3;

    private final Thread caller;
    private final int perThread;
    private final long sentinel;
    private final Duration hold;
    private final Map<Thread, AtomicLong> byThread = new ConcurrentHashMap<>();
    private final Map<Thread, Boolean> finished = new ConcurrentHashMap<>();
    private final AtomicLong increments = new AtomicLong();
    private volatile boolean released;

    /**
     * @param caller    the thread that calls run
     * @param perThread the increments each thread makes: the last of them is held
     * @param sentinel  what {@link #get()} returns
     * @param hold      the longest a thread is held
     */
    HeldCounter(Thread caller, int perThread, long sentinel, Duration hold) {
        this.caller = caller;
        this.perThread = perThread;
        this.sentinel = sentinel;
        this.hold = hold;
    }

    @Override
    public void increment() {
        Thread me = Thread.currentThread();
        boolean last = byThread.computeIfAbsent(me, t -> new AtomicLong()).incrementAndGet() == perThread;
        if (last && me != caller) {
            awaitRelease();
        }
        increments.incrementAndGet();
        if (last) {
            finished.put(me, Boolean.TRUE);
        }
    }

    /** Waits until released, or releases once the caller waits without a time limit or {@code hold} has passed. */
    private void awaitRelease() {
        long deadline = System.nanoTime() + hold.toNanos();
        int waitsSeen = 0;
        while (!released) {
            waitsSeen = caller.getState() == Thread.State.WAITING ? waitsSeen + 1 : 0;
            if (waitsSeen >= WAITS_SEEN_TO_RELEASE || System.nanoTime() - deadline >= 0) {
                release();
                return;
            }
            LockSupport.parkNanos(LOOK_NANOS);
        }
    }

    @Override
    public long get() {
        return sentinel;
    }

    /** Lets every held thread go on; later last increments are not held. */
    void release() {
        released = true;
    }

    /**
     * The names of the threads other than the caller that have begun their increments but not finished the last one
     * (held, or still counting). Empty once run has joined its threads.
     */
    List<String> unfinishedThreads() {
        return byThread.keySet().stream().filter(t -> t != caller && !finished.containsKey(t)).map(Thread::getName)
                .sorted().toList();
    }

    /** The increments counted so far (a held one is not counted yet). */
    long increments() {
        return increments.get();
    }
}
