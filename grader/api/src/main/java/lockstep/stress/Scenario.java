package lockstep.stress;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A concurrent scenario to stress: a setup that builds fresh state for every repetition, an action each thread runs
 * on that state, and a check of the final state. The {@link StressMatrix} runs it; the scenario itself holds no
 * threads and no state between repetitions, so one scenario can be run many times.
 *
 * <pre>{@code
 * Scenario<Counter> exact = Scenario.of("lost updates",
 *         threads -> new SynchronizedCounter(),
 *         (counter, index) -> { for (int i = 0; i < 1000; i++) counter.increment(); },
 *         (counter, threads) -> Outcome.equal(threads * 1000L, counter.get()));
 * }</pre>
 *
 * <p>Build the state with a lambda or {@code new}, never a constructor reference, so that a missing or broken
 * constructor in the code under test fails inside the setup where it can be reported.
 *
 * <p>The state is fresh for every repetition; the threads are not: the repetitions of one thread count run on the
 * same worker threads (a {@code Crew}), so what the code under test keeps in a {@link ThreadLocal} carries over.
 *
 * @param <S> the state shared by the threads of one repetition
 */
public final class Scenario<S> {

    /** Builds the state of one repetition on the test's thread, knowing how many threads will share it. */
    @FunctionalInterface
    public interface Setup<S> {
        S create(int threads) throws Exception;
    }

    /** What one thread does; runs on its own thread, concurrently with the other threads of the repetition. */
    @FunctionalInterface
    public interface ThreadAction<S> {
        void run(S state, int threadIndex) throws Exception;
    }

    /** Judges the final state after every thread has finished; runs on the test's thread. */
    @FunctionalInterface
    public interface Check<S> {
        Outcome check(S state, int threads) throws Exception;
    }

    private final String concept;
    private final Setup<? extends S> setup;
    private final ThreadAction<? super S> action;
    private final Check<? super S> check;
    private final String threadPrefix;
    private final Function<? super S, Map<String, Object>> lockLabels;

    private Scenario(String concept, Setup<? extends S> setup, ThreadAction<? super S> action,
                     Check<? super S> check, String threadPrefix,
                     Function<? super S, Map<String, Object>> lockLabels) {
        this.concept = Objects.requireNonNull(concept, "concept");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.action = Objects.requireNonNull(action, "action");
        this.check = Objects.requireNonNull(check, "check");
        this.threadPrefix = Objects.requireNonNull(threadPrefix, "threadPrefix");
        this.lockLabels = Objects.requireNonNull(lockLabels, "lockLabels");
    }

    /**
     * A scenario named after the concept a wrong result shows, such as {@code lost updates} or
     * {@code money created or destroyed}. Its threads are named {@code stress-0}, {@code stress-1}, ...
     */
    public static <S> Scenario<S> of(String concept, Setup<? extends S> setup, ThreadAction<? super S> action,
                                     Check<? super S> check) {
        return new Scenario<>(concept, setup, action, check, "stress", state -> Map.of());
    }

    /** This scenario with threads named {@code prefix-0}, {@code prefix-1}, ... (the names feedback shows). */
    public Scenario<S> withThreadNames(String prefix) {
        return new Scenario<>(concept, setup, action, check, prefix, lockLabels);
    }

    /**
     * This scenario with names for objects of its state that threads may lock, such as
     * {@code "Account[a]" -> a}: a deadlock report names a monitor held on one of them by its label. Called on the
     * test's thread; the objects are compared by identity, none of their methods is called.
     */
    public Scenario<S> withLockLabels(Function<? super S, Map<String, Object>> labels) {
        return new Scenario<>(concept, setup, action, check, threadPrefix, labels);
    }

    /** The concept a wrong result shows. */
    public String concept() {
        return concept;
    }

    String threadName(int index) {
        return threadPrefix + "-" + index;
    }

    S create(int threads) throws Exception {
        return setup.create(threads);
    }

    void act(S state, int index) throws Exception {
        action.run(state, index);
    }

    Outcome judge(S state, int threads) throws Exception {
        Outcome outcome = check.check(state, threads);
        return Objects.requireNonNull(outcome, "the scenario's check returned no outcome");
    }

    Map<String, Object> labels(S state) {
        Map<String, Object> labels = lockLabels.apply(state);
        return labels == null ? Map.of() : labels;
    }

    @Override
    public String toString() {
        return "Scenario[" + concept + "]";
    }
}
