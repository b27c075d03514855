package lockstep.hidden.rules;

import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code locks}: the synchronization rules, checked statically on the submission's compiled classes. */
class LockRulesHiddenTest {

    private static ClassesOfTask submission() {
        return ClassesOfTask.located(TaskPackage.LOCKS);
    }

    @Graded(task = "locks", points = 2)
    @DisplayName(LockRules.SYNCHRONIZED_COUNTER_GUARDS)
    void synchronizedCounterGuardsItsCount() {
        LockRules.synchronizedCounterGuards().assertHeldBy(submission());
    }

    @Graded(task = "locks", points = 1)
    @DisplayName(LockRules.LOCKED_COUNTER_USES_A_LOCK)
    void lockedCounterUsesALock() {
        LockRules.lockedCounterUsesALock().assertHeldBy(submission());
    }

    @Graded(task = "locks", points = 2)
    @DisplayName(LockRules.LOCKED_COUNTER_UNLOCKS_IN_FINALLY)
    void lockedCounterUnlocksInFinally() {
        LockRules.lockedCounterUnlocksInFinally().assertHeldBy(submission());
    }

    @Graded(task = "locks", points = 1)
    @DisplayName(LockRules.ATOMIC_COUNTER_IS_LOCK_FREE)
    void atomicCounterIsLockFree() {
        LockRules.atomicCounterIsLockFree().assertHeldBy(submission());
    }

    @Graded(task = "locks", points = 1)
    @DisplayName(LockRules.BANK_LOCKS_AND_NOTHING_SLEEPS)
    void bankLocksAndNothingSleeps() {
        LockRules.bankLocksAndNothingSleeps().assertHeldBy(submission());
    }
}
