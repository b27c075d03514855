package exercises.locks;

import static exercises.RuleConditions.guard;
import static exercises.RuleConditions.guardOrReadVolatile;
import static exercises.RuleConditions.keepALockField;
import static exercises.RuleConditions.keepAnAtomicField;
import static exercises.RuleConditions.useNoLock;
import static exercises.RuleConditions.useNoSynchronized;

import exercises.RuleConditions.Guard;
import exercises.SynchronizationRule;
import java.util.List;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code locks}: the rules checked on the compiled counters, one way of locking each. */
class LockRulesTest {

    @Graded(task = "locks", points = 1)
    @DisplayName("SynchronizedCounter guards its count with synchronized")
    void synchronizedCounterUsesSynchronized() {
        new SynchronizationRule(
                "SynchronizedCounter's increment() and get() hold the intrinsic lock (synchronized)",
                "count++ is a read, an add and a write that must not interleave, and get() must see the latest count",
                List.of(guard("increment", Guard.SYNCHRONIZED), guardOrReadVolatile("get", Guard.SYNCHRONIZED)))
                .assertHeldBy(SynchronizedCounter.class);
    }

    @Graded(task = "locks", points = 1)
    @DisplayName("LockedCounter guards its count with a Lock, unlocks it in finally, and is not synchronized")
    void lockedCounterUsesALock() {
        String instead = "this counter practises java.util.concurrent.locks.Lock, use lock() and unlock() instead";
        new SynchronizationRule(
                "LockedCounter's increment() and get() hold a java.util.concurrent.locks.Lock, released in a finally"
                        + " block, and it uses no synchronized",
                "an explicit Lock is the other way to make a critical section, and only a finally block releases it"
                        + " on every path",
                List.of(keepALockField(), guard("increment", Guard.LOCK), guardOrReadVolatile("get", Guard.LOCK),
                        useNoSynchronized(instead)))
                .assertHeldBy(LockedCounter.class);
    }

    @Graded(task = "locks", points = 1)
    @DisplayName("AtomicCounter counts with java.util.concurrent.atomic and takes no lock")
    void atomicCounterIsLockFree() {
        String instead = "this counter must be lock-free: let an AtomicLong do the increment in one atomic step";
        new SynchronizationRule(
                "AtomicCounter keeps its count in a class of java.util.concurrent.atomic and takes no lock",
                "an atomic variable makes the read-add-write one indivisible step without any lock",
                List.of(keepAnAtomicField(), useNoSynchronized(instead), useNoLock(instead)))
                .assertHeldBy(AtomicCounter.class);
    }
}
