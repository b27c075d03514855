package lockstep.hidden.rules;

import static lockstep.hidden.rules.SampleSources.GET_IN_FINALLY;
import static lockstep.hidden.rules.SampleSources.INCREMENT_IN_FINALLY;
import static lockstep.hidden.rules.SampleSources.SYNCHRONIZED_METHODS;
import static lockstep.hidden.rules.SampleSources.atomicCounter;
import static lockstep.hidden.rules.SampleSources.bank;
import static lockstep.hidden.rules.SampleSources.lockedCounter;
import static lockstep.hidden.rules.SampleSources.readWriteCounter;
import static lockstep.hidden.rules.SampleSources.synchronizedCounter;
import static lockstep.hidden.rules.SampleSources.unsafeCounter;
import static lockstep.hidden.rules.SampleSubmission.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The rule checkers on small submissions compiled here: buggy variants must be caught with the exact lines a
 * student reads, correct variants (helpers, ReentrantLock, ReadWriteLock, synchronized blocks) must pass, and the
 * untouched starter must fail every rule that asks for something to be there. Not graded: it tests the grader.
 */
class RuleCheckerSelfTest {

    private static final Path STARTER = Path.of(System.getProperty("lockstep.repository", "../.."))
            .resolve("starter/src/main/java");

    @TempDir
    Path temp;

    // LockedCounter: unlock() in finally, on every path.

    @Test
    void unlockOutsideFinallyIsReported() throws IOException {
        String source = lockedCounter("""
                    @Override
                    public void increment() {
                        lock.lock();
                        count++;
                        lock.unlock();
                    }
                """, GET_IN_FINALLY);
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
        int line = line(source, "lock.lock();");
        assertEquals(List.of("exercises/locks/LockedCounter.java:" + line + ": LockedCounter.increment() calls lock()"
                        + " at line " + line + " but unlocks outside a finally block: an exception would leave the"
                        + " lock held forever"),
                lines(LockRules.lockedCounterUnlocksInFinally(), classes));
        assertEquals(List.of(), lines(LockRules.lockedCounterUsesALock(), classes));
    }

    @Test
    void earlyReturnWithoutUnlockIsReported() throws IOException {
        String source = lockedCounter(INCREMENT_IN_FINALLY, """
                    @Override
                    public long get() {
                        lock.lock();
                        if (count == 0) {
                            return 0;
                        }
                        try {
                            return count;
                        } finally {
                            lock.unlock();
                        }
                    }
                """);
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
        int line = line(source, "lock.lock();", 2);
        String at = "exercises/locks/LockedCounter.java:" + line + ": LockedCounter.get() calls lock() at line " + line;
        assertEquals(List.of(
                        at + " but returns at line " + line(source, "return 0;") + " without calling unlock(): the lock"
                                + " stays held and every other thread waits forever; put unlock() in a finally block,"
                                + " which runs on every path",
                        at + " but unlocks outside a finally block: an exception would leave the lock held forever"),
                lines(LockRules.lockedCounterUnlocksInFinally(), classes));
    }

    @Test
    void lockThroughHelperMethodsWithUnlockInFinallyPasses() throws IOException {
        String source = lockedCounter("""
                    @Override
                    public void increment() {
                        acquire();
                        try {
                            count++;
                        } finally {
                            release();
                        }
                    }

                    @Override
                    public long get() {
                        return locked(() -> count);
                    }

                    private void acquire() {
                        lock.lock();
                    }

                    private void release() {
                        lock.unlock();
                    }

                    private long locked(java.util.function.LongSupplier read) {
                        lock.lock();
                        try {
                            return read.getAsLong();
                        } finally {
                            lock.unlock();
                        }
                    }
                """, "");
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
        assertEquals(List.of(), lines(LockRules.lockedCounterUnlocksInFinally(), classes));
        assertEquals(List.of(), lines(LockRules.lockedCounterUsesALock(), classes));
    }

    @Test
    void lockThroughHelperWithUnlockOutsideFinallyIsReported() throws IOException {
        String source = lockedCounter("""
                    @Override
                    public void increment() {
                        acquire();
                        count++;
                        lock.unlock();
                    }

                    private void acquire() {
                        lock.lock();
                    }
                """, GET_IN_FINALLY);
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
        int line = line(source, "acquire();");
        assertEquals(List.of("exercises/locks/LockedCounter.java:" + line + ": LockedCounter.increment() calls"
                        + " acquire() (which calls lock()) at line " + line + " but unlocks outside a finally block:"
                        + " an exception would leave the lock held forever"),
                lines(LockRules.lockedCounterUnlocksInFinally(), classes));
    }

    @Test
    void aTryWithResourcesGuardOfANestedClassPasses() throws IOException {
        String source = lockedCounter("""
                    @Override
                    public void increment() {
                        try (Guard guard = new Guard(lock)) {
                            count++;
                        }
                    }

                    private static final class Guard implements AutoCloseable {
                        private final Lock held;

                        Guard(Lock held) {
                            this.held = held;
                            held.lock();
                        }

                        @Override
                        public void close() {
                            held.unlock();
                        }
                    }
                """, GET_IN_FINALLY);
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
        assertEquals(List.of(), lines(LockRules.lockedCounterUnlocksInFinally(), classes));
        assertEquals(List.of(), lines(LockRules.lockedCounterUsesALock(), classes));
    }

    @Test
    void commonCorrectWaysToLockPass() throws IOException {
        List<String> variants = List.of(
                lockedCounter("""
                            @Override
                            public void increment() {
                                try {
                                    lock.lock();
                                    count++;
                                } finally {
                                    lock.unlock();
                                }
                            }
                        """, GET_IN_FINALLY),
                lockedCounter("""
                            @Override
                            public void increment() {
                                Lock held = this.lock;
                                try {
                                    held.lockInterruptibly();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return;
                                }
                                try {
                                    if (count == Long.MAX_VALUE) {
                                        return;
                                    }
                                    for (int i = 0; i < 1; i++) {
                                        if (count < 0) {
                                            break;
                                        }
                                        count++;
                                    }
                                } finally {
                                    held.unlock();
                                }
                            }
                        """, GET_IN_FINALLY),
                lockedCounter("""
                            @Override
                            public void increment() {
                                while (!lock.tryLock()) {
                                    Thread.onSpinWait();
                                }
                                try {
                                    count++;
                                } finally {
                                    lock.unlock();
                                }
                            }
                        """, GET_IN_FINALLY));
        for (String source : variants) {
            ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
            assertEquals(List.of(), lines(LockRules.lockedCounterUnlocksInFinally(), classes), source);
            assertEquals(List.of(), lines(LockRules.lockedCounterUsesALock(), classes), source);
        }
    }

    @Test
    void reentrantLockFieldPasses() throws IOException {
        String source = lockedCounter(INCREMENT_IN_FINALLY, GET_IN_FINALLY)
                .replace("private final Lock lock", "private final ReentrantLock lock");
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
        assertEquals(List.of(), lines(LockRules.lockedCounterUsesALock(), classes));
        assertEquals(List.of(), lines(LockRules.lockedCounterUnlocksInFinally(), classes));
    }

    @Test
    void readWriteLockViewsPassAndAMismatchedViewIsReported() throws IOException {
        ClassesOfTask correct = compile(TaskPackage.LOCKS,
                Map.of("LockedCounter", readWriteCounter("rw.writeLock().unlock();")));
        assertEquals(List.of(), lines(LockRules.lockedCounterUnlocksInFinally(), correct));
        assertEquals(List.of(), lines(LockRules.lockedCounterUsesALock(), correct));

        String mismatched = readWriteCounter("rw.readLock().unlock();");
        int line = line(mismatched, "rw.writeLock().lock();");
        int unlock = line(mismatched, "rw.readLock().unlock();");
        assertEquals(List.of("exercises/locks/LockedCounter.java:" + line + ": LockedCounter.increment() calls lock()"
                        + " on rw.writeLock() at line " + line + " but calls unlock() on rw.readLock() at line "
                        + unlock + ": unlock the same lock you locked, in a finally block"),
                lines(LockRules.lockedCounterUnlocksInFinally(),
                        compile(TaskPackage.LOCKS, Map.of("LockedCounter", mismatched))));
    }

    @Test
    void lockedCounterWithSynchronizedAndNoLockFieldIsReported() throws IOException {
        String source = """
                package exercises.locks;

                public final class LockedCounter implements exercises.Counter {
                    private long count;

                    @Override
                    public synchronized void increment() {
                        count++;
                    }

                    @Override
                    public long get() {
                        synchronized (this) {
                            return count;
                        }
                    }
                }
                """;
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("LockedCounter", source));
        String file = "exercises/locks/LockedCounter.java";
        String instead = "this counter practises java.util.concurrent.locks.Lock: use lock() and unlock() instead";
        assertEquals(List.of(
                file + ": LockedCounter keeps no java.util.concurrent.locks.Lock in a field: add one, for example"
                        + " private final Lock lock = new ReentrantLock();",
                file + ":" + line(source, "count++;") + ": LockedCounter.increment() never calls lock() on a Lock:"
                        + " call lock.lock() first and lock.unlock() in a finally block, so that only one thread at"
                        + " a time runs the read, the add and the write of count++",
                file + ":" + line(source, "synchronized (this)") + ": LockedCounter.get() never calls lock() on a"
                        + " Lock: lock it too (lock.lock(); try { return count; } finally { lock.unlock(); }), so"
                        + " that it sees every increment that other threads completed",
                file + ":" + line(source, "count++;") + ": LockedCounter.increment() is declared synchronized: "
                        + instead,
                file + ":" + line(source, "synchronized (this)") + ": LockedCounter.get() holds a synchronized block"
                        + " at line " + line(source, "synchronized (this)") + ": " + instead),
                lines(LockRules.lockedCounterUsesALock(), classes));
        assertEquals(List.of(file + ": LockedCounter never calls lock() on a Lock, so there is no lock to release yet:"
                        + " write lock.lock(); try { ... } finally { lock.unlock(); } in each method"),
                lines(LockRules.lockedCounterUnlocksInFinally(), classes));
    }

    // SynchronizedCounter: every access holds one monitor.

    @Test
    void synchronizedBlocksOnThisPass() throws IOException {
        String source = synchronizedCounter("""
                    public void increment() {
                        synchronized (this) {
                            count++;
                        }
                    }

                    public long get() {
                        synchronized (this) {
                            return count;
                        }
                    }
                """);
        assertEquals(List.of(), lines(LockRules.synchronizedCounterGuards(),
                compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", source))));
    }

    @Test
    void synchronizedBlocksOnALocalCopyOfOneLockFieldPass() throws IOException {
        String source = synchronizedCounter("""
                    private final Object lock = new Object();

                    public void increment() {
                        Object guard = lock;
                        synchronized (guard) {
                            count++;
                        }
                    }

                    public long get() {
                        synchronized (lock) {
                            return count;
                        }
                    }
                """);
        assertEquals(List.of(), lines(LockRules.synchronizedCounterGuards(),
                compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", source))));
    }

    @Test
    void synchronizedMethodWritingAVolatileReadWithoutLockPasses() throws IOException {
        String source = synchronizedCounter("""
                    public synchronized void increment() {
                        count++;
                    }

                    public long get() {
                        return count;
                    }
                """).replace("private long count", "private volatile long count");
        assertEquals(List.of(), lines(LockRules.synchronizedCounterGuards(),
                compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", source))));
    }

    @Test
    void unsynchronizedReadInGetIsReported() throws IOException {
        String source = synchronizedCounter("""
                    public synchronized void increment() {
                        count++;
                    }

                    public long get() {
                        return count;
                    }
                """);
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", source));
        String at = "exercises/locks/SynchronizedCounter.java:" + line(source, "return count;") + ": ";
        assertEquals(List.of(
                        at + "SynchronizedCounter.get() takes no intrinsic lock: make it synchronized too, so that it"
                                + " sees every increment that other threads completed",
                        at + "SynchronizedCounter.get() reads count at line " + line(source, "return count;")
                                + " without holding a lock: make it synchronized too (or read count inside"
                                + " synchronized (this) { ... }), or it may not see the latest count"),
                lines(LockRules.synchronizedCounterGuards(), classes));
    }

    @Test
    void twoDifferentMonitorsAreReported() throws IOException {
        String source = synchronizedCounter("""
                    private final Object lock = new Object();

                    public synchronized void increment() {
                        count++;
                    }

                    public long get() {
                        synchronized (lock) {
                            return count;
                        }
                    }
                """);
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", source));
        int line = line(source, "return count;");
        assertEquals(List.of("exercises/locks/SynchronizedCounter.java:" + line + ": SynchronizedCounter.get() reads"
                        + " count at line " + line + " holding the lock of lock, but the other accesses to count hold"
                        + " the lock of this: a lock only excludes threads that lock the same object, so guard every"
                        + " access to count with one object"),
                lines(LockRules.synchronizedCounterGuards(), classes));
    }

    @Test
    void aLambdaRunsWithoutTheMonitorOfTheMethodThatCreatesIt() throws IOException {
        String source = synchronizedCounter("""
                    public synchronized void increment() {
                        Runnable add = () -> count++;
                        add.run();
                    }

                    public synchronized long get() {
                        return count;
                    }
                """);
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", source));
        int line = line(source, "count++");
        assertEquals(List.of("exercises/locks/SynchronizedCounter.java:" + line + ": SynchronizedCounter.increment()"
                        + " (in a lambda) updates count at line " + line + " without holding a lock: make it"
                        + " synchronized (or update count inside synchronized (this) { ... }), or the read, the add"
                        + " and the write of two threads can interleave and an update is lost"),
                lines(LockRules.synchronizedCounterGuards(), classes));
    }

    @Test
    void aPrivateHelperCalledOnlyFromSynchronizedMethodsHoldsTheirLock() throws IOException {
        String source = synchronizedCounter("""
                    public synchronized void increment() {
                        add(1);
                    }

                    public synchronized long get() {
                        return count;
                    }

                    private void add(long delta) {
                        count += delta;
                    }
                """);
        assertEquals(List.of(), lines(LockRules.synchronizedCounterGuards(),
                compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", source))));

        String unguarded = source.replace("public synchronized void increment()", "public void increment()");
        int line = line(unguarded, "count += delta;");
        String at = "exercises/locks/SynchronizedCounter.java:";
        assertEquals(List.of(
                        at + line(unguarded, "add(1);") + ": SynchronizedCounter.increment() takes no intrinsic lock:"
                                + " make it synchronized (or put its body in a synchronized block), so that only one"
                                + " thread at a time runs the read, the add and the write of count++",
                        at + line + ": SynchronizedCounter.add(long) updates count at line " + line + " without"
                                + " holding a lock: make it synchronized (or update count inside synchronized (this)"
                                + " { ... }), or the read, the add and the write of two threads can interleave and an"
                                + " update is lost"),
                lines(LockRules.synchronizedCounterGuards(),
                        compile(TaskPackage.LOCKS, Map.of("SynchronizedCounter", unguarded))));
    }

    // AtomicCounter, UnsafeCounter: no synchronization of a kind.

    @Test
    void atomicCounterWithSynchronizedIsReported() throws IOException {
        String source = atomicCounter("public synchronized void increment()", "count.incrementAndGet();");
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("AtomicCounter", source));
        assertEquals(List.of("exercises/locks/AtomicCounter.java:" + line(source, "count.incrementAndGet();")
                        + ": AtomicCounter.increment() is declared synchronized: this counter must be lock-free: let"
                        + " an AtomicLong do the increment in one atomic step"),
                lines(LockRules.atomicCounterIsLockFree(), classes));
    }

    @Test
    void aSynchronizedBlockInALambdaOfAtomicCounterIsReported() throws IOException {
        String source = atomicCounter("public void increment()",
                "Runnable add = () -> { synchronized (this) { count.incrementAndGet(); } }; add.run();");
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("AtomicCounter", source));
        int line = line(source, "synchronized (this)");
        assertEquals(List.of("exercises/locks/AtomicCounter.java:" + line + ": AtomicCounter.increment() (in a"
                        + " lambda) holds a synchronized block at line " + line + ": this counter must be lock-free:"
                        + " let an AtomicLong do the increment in one atomic step"),
                lines(LockRules.atomicCounterIsLockFree(), classes));
    }

    @Test
    void unsafeCounterWithVolatileIsReported() throws IOException {
        String source = unsafeCounter("private volatile long count;", "count++;");
        ClassesOfTask classes = compile(TaskPackage.RACE, Map.of("UnsafeCounter", source));
        String file = "exercises/race/UnsafeCounter.java";
        assertEquals(List.of(
                        file + ": UnsafeCounter has no plain long field to count in: add a field like private long"
                                + " count; (not volatile, not static) and increment it with count++",
                        file + ": UnsafeCounter.count is volatile: UnsafeCounter must stay broken on purpose, with no"
                                + " synchronization of any kind"),
                lines(RaceRules.unsafeCounterIsUnsynchronized(), classes));
    }

    @Test
    void unsafeCounterInheritingAVolatileFieldFromAHelperClassIsReported() throws IOException {
        String base = """
                package exercises.race;

                abstract class CountingBase {
                    protected volatile long total;
                }
                """;
        String source = unsafeCounter("private long count;", "count++; total++;")
                .replace("implements exercises.Counter", "extends CountingBase implements exercises.Counter");
        ClassesOfTask classes = compile(TaskPackage.RACE, Map.of("UnsafeCounter", source, "CountingBase", base));
        assertEquals(List.of("exercises/race/CountingBase.java: CountingBase.total is volatile: UnsafeCounter must"
                        + " stay broken on purpose, with no synchronization of any kind"),
                lines(RaceRules.unsafeCounterIsUnsynchronized(), classes));
    }

    @Test
    void unsafeCounterWithAnAtomicInAHelperItCallsIsReported() throws IOException {
        String helper = """
                package exercises.race;

                import java.util.concurrent.atomic.AtomicLong;

                final class Tally {
                    static final AtomicLong CALLS = new AtomicLong();

                    static void note() {
                        CALLS.incrementAndGet();
                    }
                }
                """;
        String source = unsafeCounter("private long count;", "count++; Tally.note();");
        ClassesOfTask classes = compile(TaskPackage.RACE, Map.of("UnsafeCounter", source, "Tally", helper));
        int line = line(helper, "CALLS.incrementAndGet();");
        String instead = ": UnsafeCounter must stay broken on purpose, with no synchronization of any kind";
        assertEquals(List.of(
                        "exercises/race/Tally.java: Tally.CALLS is a java.util.concurrent.atomic.AtomicLong" + instead,
                        "exercises/race/Tally.java:" + line + ": Tally.note() uses"
                                + " java.util.concurrent.atomic.AtomicLong at line " + line + instead),
                lines(RaceRules.unsafeCounterIsUnsynchronized(), classes));
    }

    // Threads: start, join, never run(), never sleep.

    @Test
    void launcherCallingRunIsReported() throws IOException {
        String source = """
                package exercises.launch;

                import java.time.Duration;
                import java.util.List;
                import java.util.function.Consumer;

                public final class Launcher {
                    private Launcher() {
                    }

                    public static void runAll(List<String> names, List<Runnable> tasks) {
                        for (int i = 0; i < tasks.size(); i++) {
                            Thread thread = new Thread(tasks.get(i), names.get(i));
                            thread.run();
                        }
                    }

                    public static void demo(Consumer<String> log, Duration unit) throws InterruptedException {
                        Worker first = new Worker(() -> log.accept("Thread 1"));
                        first.start();
                        first.join();
                        log.accept("Main thread finished");
                    }

                    private static final class Worker extends Thread {
                        Worker(Runnable task) {
                            super(task);
                        }

                        @Override
                        public void run() {
                            super.run();
                        }
                    }
                }
                """;
        ClassesOfTask classes = compile(TaskPackage.LAUNCH, Map.of("Launcher", source));
        String file = "exercises/launch/Launcher.java:";
        String runAll = file + line(source, "for (int i") + ": Launcher.runAll(List, List) never ";
        assertEquals(List.of(
                        runAll + "starts a thread: create each new Thread and call start() on it (or hand the work to"
                                + " an ExecutorService), so that the threads run at the same time, each apart from the"
                                + " caller",
                        runAll + "waits for the threads it starts: call join() on every thread once all of them are"
                                + " started (or awaitTermination() on the ExecutorService), so that it returns only"
                                + " after every thread has ended"),
                lines(LaunchRules.startsAndJoins(), classes));
        assertEquals(List.of(file + line(source, "thread.run();") + ": Launcher.runAll(List, List) calls run() on a"
                        + " Thread at line " + line(source, "thread.run();") + ": that runs the task on the calling"
                        + " thread, one after the other; call start() instead"),
                lines(LaunchRules.neverCallsRun(), classes));
    }

    @Test
    void startAndJoinThroughMethodReferencesAndAnExecutorPass() throws IOException {
        String source = """
                package exercises.launch;

                import java.time.Duration;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;
                import java.util.concurrent.TimeUnit;
                import java.util.function.Consumer;

                public final class Launcher {
                    private Launcher() {
                    }

                    public static void runAll(List<String> names, List<Runnable> tasks) throws InterruptedException {
                        List<Thread> threads = new ArrayList<>();
                        for (int i = 0; i < tasks.size(); i++) {
                            threads.add(new Thread(tasks.get(i), names.get(i)));
                        }
                        threads.forEach(Thread::start);
                        joinAll(threads);
                    }

                    private static void joinAll(List<Thread> threads) throws InterruptedException {
                        for (Thread thread : threads) {
                            thread.join();
                        }
                    }

                    public static void demo(Consumer<String> log, Duration unit) throws InterruptedException {
                        ExecutorService pool = Executors.newFixedThreadPool(2);
                        pool.execute(() -> log.accept("Thread 1"));
                        pool.shutdown();
                        pool.awaitTermination(1, TimeUnit.MINUTES);
                    }
                }
                """;
        ClassesOfTask classes = compile(TaskPackage.LAUNCH, Map.of("Launcher", source));
        assertEquals(List.of(), lines(LaunchRules.startsAndJoins(), classes));
        assertEquals(List.of(), lines(LaunchRules.neverCallsRun(), classes));
    }

    @Test
    void aRaceDemoWithAWorkerClassAndABarrierPasses() throws IOException {
        String source = """
                package exercises.race;

                import exercises.Counter;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.BrokenBarrierException;
                import java.util.concurrent.CyclicBarrier;

                public final class RaceDemo {
                    private RaceDemo() {
                    }

                    public static long run(Counter counter, int threads, int perThread) throws InterruptedException {
                        CyclicBarrier gate = new CyclicBarrier(threads);
                        List<Thread> workers = new ArrayList<>();
                        for (int t = 0; t < threads; t++) {
                            workers.add(new Thread(new Worker(gate, counter, perThread)));
                        }
                        workers.forEach(Thread::start);
                        for (Thread worker : workers) {
                            worker.join();
                        }
                        return counter.get();
                    }

                    private static final class Worker implements Runnable {
                        private final CyclicBarrier gate;
                        private final Counter counter;
                        private final int times;

                        Worker(CyclicBarrier gate, Counter counter, int times) {
                            this.gate = gate;
                            this.counter = counter;
                            this.times = times;
                        }

                        @Override
                        public void run() {
                            try {
                                gate.await();
                            } catch (InterruptedException | BrokenBarrierException e) {
                                return;
                            }
                            for (int i = 0; i < times; i++) {
                                counter.increment();
                            }
                        }
                    }
                }
                """;
        assertEquals(List.of(), lines(RaceRules.raceDemoStartsTogether(),
                compile(TaskPackage.RACE, Map.of("RaceDemo", source))));
    }

    @Test
    void counterWithThreadSleepIsReported() throws IOException {
        String atomic = atomicCounter("public void increment()", """
                try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        count.incrementAndGet();""");
        Map<String, String> sources = new LinkedHashMap<>(Map.of("AtomicCounter", atomic));
        sources.put("LockedCounter", lockedCounter(INCREMENT_IN_FINALLY, GET_IN_FINALLY));
        sources.put("SynchronizedCounter", synchronizedCounter(SYNCHRONIZED_METHODS));
        sources.put("Account", "package exercises.locks; public final class Account { }");
        sources.put("Bank", bank("synchronized (Bank.class) {\n            return true;\n        }"));
        ClassesOfTask classes = compile(TaskPackage.LOCKS, sources);
        int line = line(atomic, "Thread.sleep(1);");
        assertEquals(List.of("exercises/locks/AtomicCounter.java:" + line + ": AtomicCounter.increment() calls"
                        + " Thread.sleep at line " + line + ": the counters, Bank and Account never sleep: a pause does"
                        + " not fix a race, it only hides it; guard the shared state with a lock instead"),
                lines(LockRules.bankLocksAndNothingSleeps(), classes));
    }

    @Test
    void aBankThatTakesNoLockIsReported() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("Bank", bank("return from != to;"));
        sources.put("Account", "package exercises.locks; public final class Account { }");
        sources.put("AtomicCounter", atomicCounter("public void increment()", "count.incrementAndGet();"));
        sources.put("LockedCounter", lockedCounter(INCREMENT_IN_FINALLY, GET_IN_FINALLY));
        sources.put("SynchronizedCounter", synchronizedCounter(SYNCHRONIZED_METHODS));
        ClassesOfTask classes = compile(TaskPackage.LOCKS, sources);
        assertEquals(List.of("exercises/locks/Bank.java:" + line(bank("return from != to;"), "return from") + ":"
                        + " Bank.transfer(Account, Account, long) takes no lock: hold the locks of both accounts"
                        + " (synchronized blocks, or a Lock per account) while it checks the balance and moves the"
                        + " money, taking the two in one global order"),
                lines(LockRules.bankLocksAndNothingSleeps(), classes));
    }

    @Test
    void unsafeCounterSleepingThroughTimeUnitInALambdaIsReported() throws IOException {
        String source = unsafeCounter("private long count;", """
                Runnable pause = () -> {
                            try {
                                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(1);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        };
                        pause.run();
                        count++;""");
        ClassesOfTask classes = compile(TaskPackage.RACE, Map.of("UnsafeCounter", source));
        int line = line(source, "MILLISECONDS.sleep(1);");
        assertEquals(List.of("exercises/race/UnsafeCounter.java:" + line + ": UnsafeCounter.increment() (in a lambda)"
                        + " calls TimeUnit.sleep at line " + line + ": a counter never sleeps: the lost updates must"
                        + " come from count++ alone, not from a pause that widens the race; remove the pause"),
                lines(RaceRules.unsafeCounterIsUnsynchronized(), classes));
    }

    // Missing classes, the starter.

    @Test
    void aMissingClassIsNamed() throws IOException {
        ClassesOfTask classes = compile(TaskPackage.LOCKS, Map.of("AtomicCounter",
                atomicCounter("public void increment()", "count.incrementAndGet();")));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> LockRules.lockedCounterUnlocksInFinally().evaluate(classes));
        assertEquals("exercises.locks.LockedCounter is missing: the compiled classes of task locks hold no"
                + " LockedCounter; keep the class name and the package that EXERCISES.md gives"
                + " (exercises/locks/LockedCounter.java)", failure.getMessage());
    }

    @Test
    void theUntouchedStarterFailsEveryRuleThatAsksForSomething() throws IOException {
        assertTrue(Files.isDirectory(STARTER), "the starter's sources are not at " + STARTER.toAbsolutePath());
        Path classes = temp.resolve("starter-classes");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(STARTER)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        SampleSubmission.compileFiles(sources, classes);
        Map<String, Rule> failing = new LinkedHashMap<>();
        Map<String, Rule> passing = new LinkedHashMap<>();
        for (Map.Entry<TaskPackage, List<Rule>> task : allRules().entrySet()) {
            ClassesOfTask submission = ClassesOfTask.importFrom(classes, task.getKey());
            for (Rule rule : task.getValue()) {
                RuleReport report = rule.evaluate(submission);
                (report.isEmpty() ? passing : failing).put(rule.title(), rule);
                report.lines().forEach(line -> assertTrue(line.startsWith("exercises/" + task.getKey().id() + "/"),
                        "a violation names its file: " + line));
            }
        }
        // Every rule asks for something the stubs do not do yet, so the starter earns no point (the grader's end to
        // end test asserts that of the whole hidden suite).
        assertEquals(List.of(), List.copyOf(passing.keySet()));
        assertEquals(allRules().values().stream().flatMap(List::stream).map(Rule::title).toList(),
                List.copyOf(failing.keySet()));
    }

    @Test
    void theReferencePassesEveryRule() {
        for (Map.Entry<TaskPackage, List<Rule>> task : allRules().entrySet()) {
            ClassesOfTask reference = ClassesOfTask.located(task.getKey());
            for (Rule rule : task.getValue()) {
                assertEquals(List.of(), rule.evaluate(reference).lines(), rule.title());
            }
        }
    }

    private static Map<TaskPackage, List<Rule>> allRules() {
        Map<TaskPackage, List<Rule>> rules = new LinkedHashMap<>();
        rules.put(TaskPackage.LAUNCH, List.of(LaunchRules.startsAndJoins(), LaunchRules.neverCallsRun()));
        rules.put(TaskPackage.RACE, List.of(RaceRules.unsafeCounterIsUnsynchronized(),
                RaceRules.raceDemoStartsTogether()));
        rules.put(TaskPackage.LOCKS, List.of(LockRules.synchronizedCounterGuards(), LockRules.lockedCounterUsesALock(),
                LockRules.lockedCounterUnlocksInFinally(), LockRules.atomicCounterIsLockFree(),
                LockRules.bankLocksAndNothingSleeps()));
        return rules;
    }

    private static List<String> lines(Rule rule, ClassesOfTask classes) {
        return rule.evaluate(classes).lines();
    }

    private ClassesOfTask compile(TaskPackage task, Map<String, String> sources) throws IOException {
        return new SampleSubmission(temp).compile(task, sources);
    }
}
