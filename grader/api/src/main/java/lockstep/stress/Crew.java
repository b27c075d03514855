package lockstep.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The worker threads of one thread count, reused by every repetition at that count. Starting and joining 16 new
 * threads takes about 2 ms on a 2-core machine (measured: 2.0 to 2.3 ms a repetition that does nothing else, 0.2 ms
 * for 2 threads), as much as a repetition's own work; a crew hands each repetition to threads that are already
 * waiting, so the time budget buys repetitions instead. Every repetition still releases its threads together through
 * a {@link StartGate} of its own.
 *
 * <p>A round is one repetition: every worker runs the round's action with its index, what the action throws is kept
 * by index, and before each round a worker gets its name and normal priority back and its interrupt status cleared.
 * What the code under test keeps per thread ({@link ThreadLocal} values) stays with the worker across the
 * repetitions of one thread count. Workers that have not finished a round by its deadline are stuck: the crew is then
 * abandoned with them (interrupted by the caller, never stopped), and begins no other round.
 *
 * <p>No worker outlives its stress run for long: {@link #close} ends every idle worker, and a worker that waits
 * {@value #IDLE_MILLIS} ms for a round ends by itself (where the test's thread never got to close the crew: a check
 * that hung, a test that timed out), to be replaced by a new thread should a round come after all. Used from one
 * thread (the test's).
 */
final class Crew implements AutoCloseable {

    /** What each worker runs in a round, given its index. */
    @FunctionalInterface
    interface Action {
        void run(int index) throws Throwable;
    }

    /**
     * How long an idle worker waits for its next round before it ends: far longer than the test's thread takes
     * between two repetitions, and shorter than the half second the test JVM gives threads to end after a task.
     */
    static final long IDLE_MILLIS = 250;

    /** How long {@link #close} waits for idle workers to end, so none outlives the stress run that started it. */
    private static final long END_WAIT_MILLIS = 1_000;

    private final IntFunction<String> names;
    private final List<Worker> workers;
    private Round current;
    private boolean over;

    private Crew(IntFunction<String> names, List<Worker> workers) {
        this.names = names;
        this.workers = workers;
    }

    /**
     * Starts {@code size} daemon workers named by {@code names} (from index 0), waiting for their first round. Where
     * a thread cannot be started, those already started are ended and the error is thrown.
     */
    static Crew start(int size, IntFunction<String> names) {
        List<Worker> workers = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Worker worker = new Worker(i, names.apply(i));
                worker.start();
                workers.add(worker);
            }
        } catch (RuntimeException | Error e) {
            workers.forEach(Worker::end);
            throw e;
        }
        return new Crew(names, workers);
    }

    int size() {
        return workers.size();
    }

    /**
     * Hands {@code action} to every worker (to a new thread in place of one that ended while idle); returns at once.
     *
     * @throws IllegalStateException where the previous round has not finished, or the crew was abandoned or closed
     */
    Round begin(Action action) {
        if (over || current != null && !current.running().isEmpty()) {
            throw new IllegalStateException(over ? "the crew was abandoned or closed"
                    : "the previous round has not finished");
        }
        Round round = new Round(action, workers.size());
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            if (!worker.offer(round)) {
                worker = new Worker(i, names.apply(i));
                worker.start();
                worker.offer(round);
                workers.set(i, worker);
            }
            round.assign(i, worker);
        }
        current = round;
        return round;
    }

    /**
     * Lets every worker end once it is idle, and waits briefly for those that are: a worker still stuck in a round
     * (abandoned with it) ends whenever that round does.
     */
    @Override
    public void close() {
        over = true;
        workers.forEach(Worker::end);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(END_WAIT_MILLIS);
        try {
            for (Worker worker : workers) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                if (!worker.stuck) {
                    worker.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the workers end on their own; the test's thread was told to stop
        }
    }

    /** One repetition on the crew: which workers finished it, and what each threw. */
    final class Round {

        private final Action action;
        private final AtomicReferenceArray<Worker> assigned;
        private final CountDownLatch done;
        private final AtomicIntegerArray finished;
        private final AtomicReferenceArray<Throwable> thrown;

        private Round(Action action, int size) {
            this.action = action;
            this.assigned = new AtomicReferenceArray<>(size);
            this.done = new CountDownLatch(size);
            this.finished = new AtomicIntegerArray(size);
            this.thrown = new AtomicReferenceArray<>(size);
        }

        private void assign(int index, Worker worker) {
            assigned.set(index, worker);
        }

        /** Waits until every worker finished this round or until {@code untilNanos}; returns those still in it. */
        List<Thread> await(long untilNanos) throws InterruptedException {
            done.await(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return running();
        }

        /** The workers that have not finished this round, and are alive (none dies in a round; never wait on one). */
        List<Thread> running() {
            List<Thread> running = new ArrayList<>();
            for (int i = 0; i < assigned.length(); i++) {
                Worker worker = assigned.get(i);
                if (finished.get(i) == 0 && worker != null && worker.isAlive()) {
                    running.add(worker);
                }
            }
            return running;
        }

        /**
         * Gives up on this round: its workers still in it are stuck, {@link #close} does not wait for them, and the
         * crew begins no other round.
         */
        void abandon() {
            over = true;
            for (Thread thread : running()) {
                ((Worker) thread).stuck = true;
            }
        }

        /** What the worker with {@code index} threw in this round, or null. */
        Throwable thrown(int index) {
            return thrown.get(index);
        }

        /** The name of the worker with {@code index}: its crew's name for it. */
        String name(int index) {
            return names.apply(index);
        }

        private void run(int index) {
            try {
                action.run(index);
            } catch (Throwable t) { // anything the code under test throws is a finding, reported by index
                thrown.set(index, t);
            } finally {
                Thread.interrupted(); // an interrupt the code left set must not reach the next round
                finished.set(index, 1);
                done.countDown();
            }
        }
    }

    /** A worker: takes one round at a time, ends when told or after {@link #IDLE_MILLIS} ms without one. */
    private static final class Worker extends Thread {

        private final int index;
        private final String name;
        private Round next;
        private boolean ended;
        private volatile boolean stuck;

        Worker(int index, String name) {
            super(name);
            this.index = index;
            this.name = name;
            setDaemon(true);
            setUncaughtExceptionHandler((t, e) -> { });
        }

        /** Hands this worker its next round; false where it has ended (told to, or idle too long). */
        synchronized boolean offer(Round round) {
            if (ended) {
                return false;
            }
            next = round;
            notifyAll();
            return true;
        }

        /** Tells this worker to end once it is idle. */
        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** The next round, or null once this worker is to end. */
        private synchronized Round take() {
            long idleUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
            while (next == null && !ended) {
                long left = idleUntil - System.nanoTime();
                if (left <= 0) {
                    ended = true;
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    // an interrupt meant for a round that has ended: keep waiting for the next one
                }
            }
            Round round = next;
            next = null;
            return round;
        }

        @Override
        public void run() {
            for (Round round = take(); round != null; round = take()) {
                if (!getName().equals(name)) {
                    setName(name);
                }
                if (getPriority() != NORM_PRIORITY) {
                    setPriority(NORM_PRIORITY);
                }
                Thread.interrupted();
                round.run(index);
            }
        }
    }
}
