package lockstep.stress;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * One stress run at a time on the machine (on a machine of 4 cores or more, one for every two cores). Where the
 * grader grades several submissions at once, their test JVMs take turns at stress runs: a stress run then shares the
 * cores with the other jobs' lighter steps (a model check, a compile, a JVM starting: about one busy thread each),
 * never with another stress run's 16 threads. Races whose window is a single instruction (a plain
 * {@code balance -= amount} once C2 has compiled it) show only when two of the run's threads are on two cores at
 * once; with another stress run beside it, that happens a fraction of the time, and the known-racy canary goes
 * uncaught (measured: a class of 100 at two jobs on 2 cores, one verdict inconclusive and one check-then-act race
 * missed by its stress test, before the turns; none of either with them, at two jobs and at three).
 *
 * <p>A turn is an operating-system lock on a file in the folder the grader names in {@link #PROPERTY} (one file for
 * every two cores: {@link #slots}), which the system releases when the JVM ends, however it ends. A run waits at most
 * {@link #MOST_WAIT} for its turn and then runs without it (its canary still guards the verdict): a stuck grader
 * elsewhere on the machine never stops this one. Without the property (a student's own build) the turns are this
 * JVM's alone. A turn is ended on the thread that took it: a stress run takes and ends its turn on the test's thread.
 */
final class StressTurn implements AutoCloseable {

    /** The system property the grader sets to the folder of the lock files that are the machine's turns. */
    static final String PROPERTY = StressMatrix.TURN_PROPERTY;

    /** The longest a stress run waits for its turn: a few of another JVM's longest stress runs. */
    static final Duration MOST_WAIT = Duration.ofSeconds(15);

    private static final long POLL_MILLIS = 2;

    /** Stress runs of this JVM's own threads wait here: a file lock is held by the JVM, not by a thread. */
    private static final ReentrantLock LOCAL = new ReentrantLock();

    private final boolean local;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean taken;
    private final Duration waited;

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
        return take(folder == null || folder.isBlank() ? List.of()
                : slots(Path.of(folder), Runtime.getRuntime().availableProcessors()), MOST_WAIT);
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
     * the {@code slots} files (none where there are none).
     */
    static StressTurn take(List<Path> slots, Duration mostWait) throws InterruptedException {
        long start = System.nanoTime();
        if (!LOCAL.tryLock(mostWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return new StressTurn(false, null, null, false, start);
        }
        if (slots.isEmpty()) {
            return new StressTurn(true, null, null, true, start);
        }
        List<FileChannel> channels = new ArrayList<>();
        try {
            for (Path slot : slots) {
                channels.add(FileChannel.open(slot, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
            }
            for (long until = start + mostWait.toNanos(); ; Thread.sleep(POLL_MILLIS)) {
                for (FileChannel channel : channels) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        channels.stream().filter(other -> other != channel).forEach(StressTurn::close);
                        return new StressTurn(true, channel, lock, true, start);
                    }
                }
                if (System.nanoTime() - until >= 0) {
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

    /** Whether the run got its turn (false where it waited in vain, or there was no file to take turns on). */
    boolean taken() {
        return taken;
    }

    /** How long the run waited for its turn. */
    Duration waited() {
        return waited;
    }

    /** Ends the turn: the next stress run on the machine may start. */
    @Override
    public void close() {
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
