package lockstep.hidden.rules;

import java.util.List;

/** The synchronization rules of task {@code locks}, as values; the titles are the graded tests' display names. */
final class LockRules {

    static final String SYNCHRONIZED_COUNTER_GUARDS = "SynchronizedCounter guards every access to its count with"
            + " one intrinsic lock (synchronized)";
    static final String LOCKED_COUNTER_USES_A_LOCK = "LockedCounter guards increment() and get() with a Lock field,"
            + " not with synchronized";
    static final String LOCKED_COUNTER_UNLOCKS_IN_FINALLY = "LockedCounter calls unlock() in a finally block after"
            + " every lock(), on every path";
    static final String ATOMIC_COUNTER_IS_LOCK_FREE = "AtomicCounter counts with java.util.concurrent.atomic and"
            + " takes no lock";
    static final String BANK_LOCKS_AND_NOTHING_SLEEPS = "Bank.transfer holds a lock while it moves money, and no"
            + " counter, Bank or Account sleeps";

    private static final String SYNCHRONIZED_COUNTER = "SynchronizedCounter";
    private static final String LOCKED_COUNTER = "LockedCounter";
    private static final String ATOMIC_COUNTER = "AtomicCounter";
    private static final String INCREMENT = "increment";
    private static final String GET = "get";
    private static final String BANK = "Bank";

    private LockRules() {
    }

    static Rule synchronizedCounterGuards() {
        return new Rule(SYNCHRONIZED_COUNTER_GUARDS, "count++ is a read, an add and a write that must not interleave,"
                + " a lock only excludes threads that lock the same object, and get() must take it too to see the"
                + " latest count", List.of(SYNCHRONIZED_COUNTER), List.of(
                CounterGuards.takesMonitorIn(SYNCHRONIZED_COUNTER, INCREMENT, false),
                CounterGuards.takesMonitorIn(SYNCHRONIZED_COUNTER, GET, true),
                GuardedState.oneMonitorFor(SYNCHRONIZED_COUNTER)));
    }

    static Rule lockedCounterUsesALock() {
        return new Rule(LOCKED_COUNTER_USES_A_LOCK, "an explicit Lock is the other way to make a critical section,"
                + " and this counter practises it", List.of(LOCKED_COUNTER), List.of(
                SynchronizationUse.keepsALockField(LOCKED_COUNTER),
                CounterGuards.locksIn(LOCKED_COUNTER, INCREMENT, false),
                CounterGuards.locksIn(LOCKED_COUNTER, GET, true),
                SynchronizationUse.usesNoSynchronized(LOCKED_COUNTER, RuleMessages.USE_THE_LOCK)));
    }

    static Rule lockedCounterUnlocksInFinally() {
        return new Rule(LOCKED_COUNTER_UNLOCKS_IN_FINALLY, "only a finally block releases the lock on every path: an"
                + " exception or an early return that skips unlock() leaves the lock held, and every other thread"
                + " waits forever", List.of(LOCKED_COUNTER), List.of(CounterGuards.unlocksInFinally(LOCKED_COUNTER)));
    }

    static Rule atomicCounterIsLockFree() {
        return new Rule(ATOMIC_COUNTER_IS_LOCK_FREE, "an atomic variable makes the read-add-write one indivisible"
                + " step without any lock", List.of(ATOMIC_COUNTER), List.of(
                SynchronizationUse.keepsAnAtomicField(ATOMIC_COUNTER),
                SynchronizationUse.usesNoSynchronized(ATOMIC_COUNTER, RuleMessages.STAY_LOCK_FREE),
                SynchronizationUse.usesNoneOf(ATOMIC_COUNTER, SynchronizationUse.LOCKS, RuleMessages.STAY_LOCK_FREE)));
    }

    static Rule bankLocksAndNothingSleeps() {
        List<String> classes = List.of(SYNCHRONIZED_COUNTER, LOCKED_COUNTER, ATOMIC_COUNTER, BANK, "Account");
        return new Rule(BANK_LOCKS_AND_NOTHING_SLEEPS, "a race is fixed by making the check and the update one"
                + " critical section: sleeping does not make code thread-safe, it only makes a race rarer, and waiting"
                + " for other threads is the job of join() and of locks", classes, List.of(
                CounterGuards.locksOrSynchronizesIn(BANK, "transfer"),
                ThreadCalls.neverSleeps(classes, RuleMessages.NO_SLEEP_FOR_A_RACE)));
    }
}
