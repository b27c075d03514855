package lockstep.hidden.rules;

import java.util.Locale;

/**
 * Every sentence a student reads from the synchronization rules, in one place. Each names the place (class, method,
 * line), says what the code does there, and what to do instead; the place names come from {@link Wording}.
 */
final class RuleMessages {

    /** What LockedCounter does instead of synchronized. */
    static final String USE_THE_LOCK = "this counter practises java.util.concurrent.locks.Lock: use lock() and"
            + " unlock() instead";

    /** What AtomicCounter does instead of any lock. */
    static final String STAY_LOCK_FREE = "this counter must be lock-free: let an AtomicLong do the increment in one"
            + " atomic step";

    /** Why UnsafeCounter takes no synchronization. */
    static final String KEEP_IT_BROKEN = "UnsafeCounter must stay broken on purpose, with no synchronization of any"
            + " kind";

    /** Why UnsafeCounter does not sleep. */
    static final String NO_PAUSE_IN_THE_RACE = "a counter never sleeps: the lost updates must come from count++"
            + " alone, not from a pause that widens the race; remove the pause";

    /** Why the counters, Bank and Account do not sleep. */
    static final String NO_SLEEP_FOR_A_RACE = "the counters, Bank and Account never sleep: a pause does not fix a"
            + " race, it only hides it; guard the shared state with a lock instead";

    private RuleMessages() {
    }

    // Missing classes and methods.

    static String taskMissing(TaskPackage task) {
        return String.format(Locale.ROOT, "the classes of task %s are missing: none of %s is on the class path; keep"
                + " the class names and the package %s that EXERCISES.md gives", task.id(),
                String.join(", ", task.contractClassNames()), task.packageName());
    }

    static String classMissing(TaskPackage task, String simpleName) {
        return String.format(Locale.ROOT, "%s is missing: the compiled classes of task %s hold no %s; keep the class"
                + " name and the package that EXERCISES.md gives (%s/%s.java)", task.className(simpleName), task.id(),
                simpleName, task.packagePath(), simpleName);
    }

    static String methodMissing(String className, String method) {
        return className + " declares no " + method + ": keep the methods and signatures that EXERCISES.md gives";
    }

    // Locks: LockedCounter.

    static String noLockField(String className) {
        return className + " keeps no java.util.concurrent.locks.Lock in a field: add one, for example private final"
                + " Lock lock = new ReentrantLock();";
    }

    static String neverLocks(String where, boolean reads) {
        return where + " never calls lock() on a Lock: " + (reads
                ? "lock it too (lock.lock(); try { return count; } finally { lock.unlock(); }), so that it sees every"
                + " increment that other threads completed"
                : "call lock.lock() first and lock.unlock() in a finally block, so that only one thread at a time"
                + " runs the read, the add and the write of count++");
    }

    static String noLockAnywhere(String className) {
        return className + " never calls lock() on a Lock, so there is no lock to release yet: write lock.lock();"
                + " try { ... } finally { lock.unlock(); } in each method";
    }

    static String unlocksOutsideFinally(String where, String call, int line) {
        return String.format(Locale.ROOT, "%s calls %s at line %d but unlocks outside a finally block: an exception"
                + " would leave the lock held forever", where, call, line);
    }

    static String returnsHoldingLock(String where, String call, int line, int exit) {
        return String.format(Locale.ROOT, "%s calls %s at line %d but returns at line %d without calling unlock():"
                + " the lock stays held and every other thread waits forever; put unlock() in a finally block, which"
                + " runs on every path", where, call, line, exit);
    }

    static String loopsBackHoldingLock(String where, String call, int line) {
        return String.format(Locale.ROOT, "%s calls %s at line %d but a path through the loop comes back to it without"
                + " calling unlock(): put unlock() in a finally block, which runs on every path", where, call, line);
    }

    static String neverUnlocks(String where, String call, int line) {
        return String.format(Locale.ROOT, "%s calls %s at line %d but never calls unlock() after it: the lock stays"
                + " held and every other thread waits forever; write lock.lock(); try { ... } finally {"
                + " lock.unlock(); }", where, call, line);
    }

    static String unlocksAnotherLock(String where, String call, int line, String locked, String unlocked,
                                     int unlockLine) {
        return String.format(Locale.ROOT, "%s calls %s on %s at line %d but calls unlock() on %s at line %d: unlock"
                + " the same lock you locked, in a finally block", where, call, locked, line, unlocked, unlockLine);
    }

    // Intrinsic locks: SynchronizedCounter.

    static String takesNoMonitor(String where, boolean reads) {
        return where + " takes no intrinsic lock: " + (reads
                ? "make it synchronized too, so that it sees every increment that other threads completed"
                : "make it synchronized (or put its body in a synchronized block), so that only one thread at a time"
                + " runs the read, the add and the write of count++");
    }

    static String unguardedRead(String where, String field, int line) {
        return String.format(Locale.ROOT, "%s reads %s at line %d without holding a lock: make it synchronized too"
                + " (or read %s inside synchronized (this) { ... }), or it may not see the latest count", where, field,
                line, field);
    }

    static String unguardedWrite(String where, String field, int line) {
        return String.format(Locale.ROOT, "%s writes %s at line %d without holding a lock: make it synchronized (or"
                + " write %s inside synchronized (this) { ... }), or the updates of two threads can interleave and one"
                + " is lost", where, field, line, field);
    }

    static String unguardedUpdate(String where, String field, int line) {
        return String.format(Locale.ROOT, "%s updates %s at line %d without holding a lock: make it synchronized (or"
                + " update %s inside synchronized (this) { ... }), or the read, the add and the write of two threads"
                + " can interleave and an update is lost", where, field, line, field);
    }

    static String guardedByAnotherMonitor(String where, String access, String field, int line, String monitor,
                                          String expected) {
        return String.format(Locale.ROOT, "%s %s %s at line %d holding the lock of %s, but the other accesses to %s"
                + " hold the lock of %s: a lock only excludes threads that lock the same object, so guard every"
                + " access to %s with one object", where, access, field, line, monitor, field, expected, field);
    }

    static String takesNoLock(String where) {
        return where + " takes no lock: hold the locks of both accounts (synchronized blocks, or a Lock per account)"
                + " while it checks the balance and moves the money, taking the two in one global order";
    }

    // No synchronization of a kind.

    static String declaredSynchronized(String where, String instead) {
        return where + " is declared synchronized: " + instead;
    }

    static String synchronizedBlock(String where, int line, String instead) {
        return String.format(Locale.ROOT, "%s holds a synchronized block at line %d: %s", where, line, instead);
    }

    static String volatileField(String field, String instead) {
        return field + " is volatile: " + instead;
    }

    static String fieldOfType(String field, String type, String instead) {
        return field + " is a " + type + ": " + instead;
    }

    static String uses(String where, String type, int line, String instead) {
        return String.format(Locale.ROOT, "%s uses %s at line %d: %s", where, type, line, instead);
    }

    static String noPlainLongField(String className) {
        return className + " has no plain long field to count in: add a field like private long count; (not"
                + " volatile, not static) and increment it with count++";
    }

    static String noAtomicField(String className) {
        return className + " keeps no field from java.util.concurrent.atomic: keep the count in an AtomicLong (or a"
                + " LongAdder), for example private final AtomicLong count = new AtomicLong();";
    }

    // Threads.

    static String neverStarts(String where) {
        return where + " never starts a thread: create each new Thread and call start() on it (or hand the work to"
                + " an ExecutorService), so that the threads run at the same time, each apart from the caller";
    }

    static String neverStartsAnywhere(String className) {
        return className + " never calls start() on a Thread (nor hands work to an ExecutorService): a thread only"
                + " runs at the same time as the caller once start() launched it";
    }

    static String neverJoins(String where) {
        return where + " never waits for the threads it starts: call join() on every thread once all of them are"
                + " started (or awaitTermination() on the ExecutorService), so that it returns only after every"
                + " thread has ended";
    }

    static String noStartGate(String where) {
        return where + " never waits at a start gate: let every thread first call await() on one CountDownLatch"
                + " (or a CyclicBarrier) and open it once all threads are started, so that they really run at the"
                + " same time";
    }

    static String callsRun(String where, int line) {
        return String.format(Locale.ROOT, "%s calls run() on a Thread at line %d: that runs the task on the calling"
                + " thread, one after the other; call start() instead", where, line);
    }

    static String sleeps(String where, String call, int line, String why) {
        return String.format(Locale.ROOT, "%s calls %s at line %d: %s", where, call, line, why);
    }
}
