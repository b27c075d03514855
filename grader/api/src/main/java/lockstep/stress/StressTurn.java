package lockstep.stress;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * Stress runs take turns on the machine: one at a time for every two cores (one on 2 or 3 cores). Where the grader
 * grades several submissions at once, their test JVMs wait for a turn before each stress run, so that a stress run
 * shares the cores with the other jobs' lighter steps (a model check, a compile, a JVM starting: about one busy thread
 * each) rather than with another stress run's 16 threads. Races whose window is a single instruction (a plain
 * {@code balance -= amount} once C2 has compiled it) show only when two of the run's threads are on two cores at
 * once; with another stress run beside it, that happens a fraction of the time, and the known-racy canary goes
 * uncaught (measured: a class of 100 at two jobs on 2 cores, one verdict inconclusive and one check-then-act race
 * missed by its stress test, before the turns; neither with them).
 *
 * <p>A turn is an operating-system lock on a file in the folder the grader names in {@link #PROPERTY} (one file for
 * every two cores: {@link #slots}), which the system releases when the JVM ends, however it ends. A turn taken while
 * the same thread holds one is part of it (a scenario and its canary run in one turn). A run waits at most
 * {@link #MOST_WAIT} for its turn and then goes ahead without it (its canary still guards the verdict), and a JVM whose
 * waits have run out for {@link #MOST_WAIT_IN_ALL} in all waits no more: waits never add up to a test's time limit,
 * and a turn held for long elsewhere on the machine slows this JVM's stress runs, never stops them. Without the
 * property (a student's own build) the turns are this JVM's alone. A turn is ended on the thread that took it.
 */
final class StressTurn implements AutoCloseable {

    /** The system property the grader sets to the folder of the lock files that are the machine's turns. */
    static final String PROPERTY = StressMatrix.TURN_PROPERTY;

    /** The longest one stress run waits for its turn: several of another JVM's stress runs (usually under 2 s each). */
    static final Duration MOST_WAIT = Duration.ofSeconds(5);

    /** How long a JVM's waits may run out in all before it waits no more (a test's time limit is 30 s). */
    static final Duration MOST_WAIT_IN_ALL = Duration.ofSeconds(15);

    private static final Duration POLL = Duration.ofMillis(2);

    /** Stress runs of this JVM's own threads wait here: a file lock is held by the JVM, not by a thread. */
    private static final ReentrantLock LOCAL = new ReentrantLock();

    /** How long this JVM's waits that ran out took, in all. */
    private static final AtomicLong RUN_OUT_NANOS = new AtomicLong();

    /** Whether the turn this JVM's holder of {@link #LOCAL} took has the machine's turn (guarded by LOCAL). */
    private static boolean machineTurn;

    private final boolean local;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean taken;
    private final Duration waited;
    private boolean closed;

    private StressTurn(boolean local, FileChannel channel, FileLock lock, boolean taken, long sinceNanos) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
        this.taken = taken;
        this.waited = Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    /** Waits for this JVM's turn at a stress run (see {@link StressTurn}); close it when the run is over. */
    static StressTurn take() throws InterruptedException {
        String folder = System.getProperty(PROPERTY);
        List<Path> slots = List.of();
        try {
            if (folder != null && !folder.isBlank()) {
                slots = slots(Path.of(folder), Runtime.getRuntime().availableProcessors());
            }
        } catch (InvalidPathException e) {
            // no folder to take turns in: this JVM's turns are its own
        }
        return take(slots, MOST_WAIT);
    }

    /**
     * The lock files of the machine's turns in {@code folder}: one for every two cores, at least one, so that on a
     * larger machine a stress run still has about two cores to itself.
     */
    static List<Path> slots(Path folder, int cores) {
        return IntStream.range(0, Math.max(1, cores / 2))
                .mapToObj(slot -> folder.resolve("stress-turn-" + slot + ".lock")).toList();
    }

    /**
     * Waits up to {@code mostWait} for a turn: this JVM's own first, then one of the machine's, which are the locks of
     * the {@code slots} files (none where there are none). Within a turn the same thread holds, returns at once.
     */
    static StressTurn take(List<Path> slots, Duration mostWait) throws InterruptedException {
        long start = System.nanoTime();
        if (!LOCAL.tryLock(mostWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return new StressTurn(false, null, null, false, start);
        }
        if (LOCAL.getHoldCount() > 1) {
            return new StressTurn(true, null, null, machineTurn, start); // part of the turn this thread holds
        }
        machineTurn = slots.isEmpty();
        if (slots.isEmpty()) {
            return new StressTurn(true, null, null, true, start);
        }
        long allowed = Math.min(mostWait.toNanos(), MOST_WAIT_IN_ALL.toNanos() - RUN_OUT_NANOS.get());
        List<FileChannel> channels = new ArrayList<>();
        try {
            for (Path slot : slots) {
                channels.add(FileChannel.open(slot, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
            }
            for (long until = start + Math.max(0, allowed); ; Thread.sleep(POLL.toMillis())) {
                for (FileChannel channel : channels) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        channels.stream().filter(other -> other != channel).forEach(StressTurn::close);
                        machineTurn = true;
                        return new StressTurn(true, channel, lock, true, start);
                    }
                }
                if (System.nanoTime() - until >= 0) {
                    RUN_OUT_NANOS.addAndGet(System.nanoTime() - start);
                    break;
                }
            }
        } catch (IOException | OverlappingFileLockException e) {
            // no file to take turns on: the run goes ahead without its turn, as where the wait ran out
        } catch (InterruptedException | RuntimeException | Error e) {
            channels.forEach(StressTurn::close);
            LOCAL.unlock();
            throw e;
        }
        channels.forEach(StressTurn::close);
        return new StressTurn(true, null, null, false, start);
    }

    /** Whether the run has a turn (false where it waited in vain, or there was no file to take turns on). */
    boolean taken() {
        return taken;
    }

    /** How long the run waited for its turn. */
    Duration waited() {
        return waited;
    }

    /** Ends the turn (once; a turn within another ends with the outer one): the next stress run may start. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it
        } finally {
            close(channel);
            if (local) {
                LOCAL.unlock();
            }
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
