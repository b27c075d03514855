package exercises.race;

import exercises.Counter;

/**
 * Task {@code race}: make the race visible, by letting several threads increment one counter at the same time.
 */
public final class RaceDemo {

    private RaceDemo() {
    }

    /**
     * Lets {@code threads} threads call {@code counter.increment()} {@code perThread} times each, all at once, and
     * returns the count.
     *
     * <p>What to write:
     * <ul>
     *   <li>start {@code threads} new threads; each calls {@code counter.increment()} {@code perThread} times;</li>
     *   <li>release them together through a start gate: every thread first waits on one
     *       {@link java.util.concurrent.CountDownLatch} (or a barrier), and you open it once all threads have been
     *       started, so that they really overlap. The tests use a counter that only lets a thread through when all
     *       threads are in {@code increment()} at the same time;</li>
     *   <li>join them all, then return {@code counter.get()};</li>
     *   <li>throw {@link IllegalArgumentException} where {@code threads < 1} or {@code perThread < 0}.</li>
     * </ul>
     *
     * @return {@code counter.get()} after every thread has ended
     * @throws InterruptedException where the calling thread is interrupted while it waits
     */
    public static long run(Counter counter, int threads, int perThread) throws InterruptedException {
        throw new UnsupportedOperationException("Task race: RaceDemo.run(counter, threads, perThread) is not written "
                + "yet: start the threads, release them together through a start gate, join them, "
                + "return counter.get()");
    }

    /**
     * Shows that {@link UnsafeCounter} loses updates.
     *
     * <p>What to write: call {@code run(new UnsafeCounter(), threads, perThread)} up to {@code attempts} times. As soon
     * as one attempt counts less than {@code threads * perThread}, return how many updates it lost
     * ({@code threads * perThread - result}); return 0 where no attempt lost any. With one thread nothing can be lost;
     * with several, the tests expect to see lost updates.
     *
     * @return the updates lost by the first attempt that lost some, or 0
     * @throws InterruptedException where the calling thread is interrupted while it waits
     */
    public static long lostUpdates(int threads, int perThread, int attempts) throws InterruptedException {
        throw new UnsupportedOperationException("Task race: RaceDemo.lostUpdates(threads, perThread, attempts) is not "
                + "written yet: repeat run(new UnsafeCounter(), ...) until an attempt counts too little");
    }
}
