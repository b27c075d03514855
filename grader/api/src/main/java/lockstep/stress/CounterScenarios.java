package lockstep.stress;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Stress scenarios for counters: every thread increments {@code perThread} times, and the final count must be
 * exactly {@code threads * perThread}. The counter is reached through functions, so any counter type fits; the
 * canary is the same scenario on a {@link RacyCounter}.
 *
 * <pre>{@code
 * matrix.verify(
 *         CounterScenarios.exact(threads -> new LockedCounter(), Counter::increment, Counter::get, 1_000),
 *         CounterScenarios.racyCanary(1_000));
 * }</pre>
 */
public final class CounterScenarios {

    /** The concept a counter that drops increments shows. */
    public static final String LOST_UPDATES = "lost updates";

    /** Read once per increment; never written. */
    private static volatile int pacing;

    private CounterScenarios() {
    }

    /**
     * A volatile read between two increments: the JIT may not merge a loop of plain {@code count++} into one addition
     * across it, so each increment stays a read and a write of its own, each a chance for a race to show, as in code
     * that increments once per event.
     */
    static int pace() {
        return pacing;
    }

    /**
     * Each thread calls {@code increment} {@code perThread} times on one counter from {@code setup}; the check wants
     * {@code get} to return {@code threads * perThread}. Threads are named {@code counter-0}, {@code counter-1}, ...
     */
    public static <C> Scenario<C> exact(Scenario.Setup<? extends C> setup, Consumer<? super C> increment,
                                        ToLongFunction<? super C> get, int perThread) {
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(get, "get");
        if (perThread < 1) {
            throw new IllegalArgumentException("perThread must be at least 1, was " + perThread);
        }
        Scenario<C> scenario = Scenario.of(LOST_UPDATES, setup,
                (counter, index) -> {
                    for (int i = 0; i < perThread; i++) {
                        increment.accept(counter);
                        pace();
                    }
                },
                (counter, threads) -> {
                    long expected = (long) threads * perThread;
                    long observed = get.applyAsLong(counter);
                    if (observed > expected) {
                        return Outcome.wrong("increments counted that never happened",
                                Long.toString(expected), Long.toString(observed));
                    }
                    return Outcome.equal(expected, observed);
                });
        return scenario.withThreadNames("counter");
    }

    /** {@link #exact} on a {@link RacyCounter}: the canary a stress run must be able to catch. */
    public static Scenario<RacyCounter> racyCanary(int perThread) {
        return exact(threads -> new RacyCounter(), RacyCounter::increment, RacyCounter::get, perThread);
    }
}
