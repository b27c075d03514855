package lockstep.hidden.locks;

import static lockstep.hidden.HiddenLimits.STRESS;

import exercises.Counter;
import exercises.locks.AtomicCounter;
import exercises.locks.LockedCounter;
import exercises.locks.SynchronizedCounter;
import lockstep.api.Graded;
import lockstep.stress.CounterScenarios;
import lockstep.stress.Scenario;
import lockstep.stress.StressMatrix;
import org.junit.jupiter.api.DisplayName;

/**
 * Task {@code locks}: each counter is exact under the stress matrix (1 to 16 threads, repeated within a budget). A
 * pass counts only where the same budget catches a plain count++ counter.
 */
class CountersHiddenTest {

    private static final int PER_THREAD = 1_000;
    private static final StressMatrix MATRIX = StressMatrix.of(STRESS);

    private static void verifyExact(Scenario<? extends Counter> scenario) throws Exception {
        MATRIX.verify(scenario, CounterScenarios.racyCanary(PER_THREAD));
    }

    @Graded(task = "locks", points = 4)
    @DisplayName("SynchronizedCounter loses no update with 1 to 16 threads incrementing at once")
    void synchronizedCounterIsExact() throws Exception {
        verifyExact(CounterScenarios.exact(threads -> new SynchronizedCounter(), Counter::increment, Counter::get,
                PER_THREAD));
    }

    @Graded(task = "locks", points = 4)
    @DisplayName("LockedCounter loses no update with 1 to 16 threads incrementing at once")
    void lockedCounterIsExact() throws Exception {
        verifyExact(CounterScenarios.exact(threads -> new LockedCounter(), Counter::increment, Counter::get,
                PER_THREAD));
    }

    @Graded(task = "locks", points = 4)
    @DisplayName("AtomicCounter loses no update with 1 to 16 threads incrementing at once")
    void atomicCounterIsExact() throws Exception {
        verifyExact(CounterScenarios.exact(threads -> new AtomicCounter(), Counter::increment, Counter::get,
                PER_THREAD));
    }
}
