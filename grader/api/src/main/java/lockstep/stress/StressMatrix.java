package lockstep.stress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs a {@link Scenario} across thread counts (by default 1, 2, 4, 8, 16), repeating it at each count within a
 * {@link StressBudget}, and turns what happened into a verdict with evidence:
 * <ul>
 *   <li>a wrong final state fails with an {@link AssertionError} naming the concept, expected and observed values,
 *       the thread count and repetition, and how many runs at that count were wrong;</li>
 *   <li>threads still running at a repetition's deadline fail with a diagnosis: the deadlock cycle (who holds what
 *       and waits for what), or a hang and where each thread is;</li>
 *   <li>an exception thrown by the code under test on a worker becomes a {@link WorkerFailure} (an error);</li>
 *   <li>with a canary, a pass counts only if a known-racy variant of the scenario is caught with the same budget
 *       (raised once); otherwise the test is aborted as inconclusive ({@link TestAbortedException}).</li>
 * </ul>
 * Immutable; run it from the test's thread. Each thread count starts its own daemon threads (a {@link Crew}), which
 * every repetition at that count reuses.
 */
public final class StressMatrix {

    /**
     * The system property the grader sets, in every test JVM, to a folder of lock files that are the machine's stress
     * turns: its test JVMs take turns at stress runs (see the README, What happens to a submission).
     */
    public static final String TURN_PROPERTY = "lockstep.stressTurn";

    /** The thread counts a matrix runs unless told otherwise. */
    public static final List<Integer> DEFAULT_THREAD_COUNTS = List.of(1, 2, 4, 8, 16);

    /**
     * The most repetitions with a single thread: one thread cannot race, so a few runs show whether the code is
     * right without concurrency, and the time goes to the thread counts that can catch a race.
     */
    static final int SINGLE_THREAD_REPETITIONS = 5;

    /**
     * The fewest repetitions at a thread count above one, where the budget allows that many: on a loaded machine the
     * time budget buys fewer repetitions (and the threads of each overlap less), so the time is stretched until this
     * many ran, up to {@value #FLOOR_TIME_FACTOR} times the budget's time. On a quiet 2-core machine every thread count
     * runs more than this within 100 ms, so the floor costs nothing there.
     */
    static final int MIN_REPETITIONS = 50;

    /** How far the repetition floor may stretch the time at one thread count, as a multiple of the budget's. */
    static final int FLOOR_TIME_FACTOR = 10;

    /**
     * How many more repetitions run at a thread count after its first wrong result, to count how many of its runs are
     * wrong for the message: enough to tell "1 of 21" from "21 of 21", without spending the rest of the budget on a
     * verdict that is already decided.
     */
    static final int RUNS_AFTER_FIRST_WRONG = 20;

    /** How much a canary's budget is raised when it was not caught at first. */
    static final int CANARY_BUDGET_FACTOR = 4;

    private final List<Integer> threadCounts;
    private final StressBudget budget;

    private StressMatrix(List<Integer> threadCounts, StressBudget budget) {
        this.threadCounts = List.copyOf(threadCounts);
        this.budget = Objects.requireNonNull(budget, "budget");
        if (this.threadCounts.isEmpty() || this.threadCounts.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("thread counts must be at least 1: " + threadCounts);
        }
    }

    /** A matrix over the default thread counts with {@code budget}. */
    public static StressMatrix of(StressBudget budget) {
        return new StressMatrix(DEFAULT_THREAD_COUNTS, budget);
    }

    /** This matrix over {@code counts} instead, in that order. */
    public StressMatrix withThreadCounts(int... counts) {
        return new StressMatrix(Arrays.stream(counts).boxed().toList(), budget);
    }

    /** This matrix with another budget. */
    public StressMatrix withBudget(StressBudget other) {
        return new StressMatrix(threadCounts, other);
    }

    /** The budget per thread count. */
    public StressBudget budget() {
        return budget;
    }

    /**
     * Runs {@code scenario} at each thread count in order; once a repetition ends in a wrong state, runs up to
     * {@value #RUNS_AFTER_FIRST_WRONG} more at that thread count, within its budget (to count how many runs are wrong),
     * and stops. A wrong state is returned, not thrown.
     *
     * @throws AssertionError where threads deadlocked or hung
     * @throws WorkerFailure  where the code under test threw on a worker
     * @throws Exception      whatever the scenario's setup or check threw
     */
    public StressRun run(Scenario<?> scenario) throws Exception {
        return runCounts(scenario, threadCounts, false);
    }

    /**
     * Runs {@code scenario} like {@link #run} but from the highest thread count down, and stops at the first wrong
     * state: the cheap way to see whether a known-racy scenario is caught with this budget. Its evidence is recorded
     * as a canary's.
     */
    public StressRun provoke(Scenario<?> scenario) throws Exception {
        List<Integer> descending = threadCounts.stream().sorted(Comparator.reverseOrder()).toList();
        return runCounts(scenario, descending, true);
    }

    /**
     * Runs {@code scenario} and fails where a repetition ended in a wrong state.
     *
     * @return the evidence of a run in which every repetition was right
     * @throws AssertionError where a state was wrong, or threads deadlocked or hung
     * @throws WorkerFailure  where the code under test threw on a worker
     */
    public StressEvidence verify(Scenario<?> scenario) throws Exception {
        StressRun run = run(scenario);
        if (run.caughtWrongResult()) {
            throw new AssertionFailedError(run.failureMessage());
        }
        return run.evidence();
    }

    /**
     * Like {@link #verify(Scenario)}, but a pass counts only if this budget also catches {@code canary}, a
     * known-racy variant of the same scenario. Where the canary is not caught, the budget is raised
     * {@value #CANARY_BUDGET_FACTOR}x once and both run again; where the canary is still not caught, the test is
     * aborted: this machine cannot tell right from wrong here.
     *
     * @throws TestAbortedException where the canary was not caught with the raised budget either
     */
    public StressEvidence verify(Scenario<?> scenario, Scenario<?> canary) throws Exception {
        StressTurn turn = StressTurn.take(); // one turn for all: the canary runs as loaded as the scenario did
        try {
            StressEvidence evidence = verify(scenario);
            if (provoke(canary).caughtWrongResult()) {
                return evidence;
            }
            StressMatrix raised = withBudget(budget.scaled(CANARY_BUDGET_FACTOR));
            StressRun canaryRun = raised.provoke(canary);
            if (!canaryRun.caughtWrongResult()) {
                throw new TestAbortedException(
                        StressMessages.inconclusive(canary.concept(), canaryRun.evidence(), CANARY_BUDGET_FACTOR));
            }
            return raised.verify(scenario);
        } finally {
            turn.close();
        }
    }

    /**
     * Runs the counts in order, in this JVM's turn at the machine ({@link StressTurn}), and records the evidence in the
     * current {@link EvidenceLog}, also where a count throws; a run that stops at the first wrong state is a canary's
     * ({@link #provoke}).
     */
    private StressRun runCounts(Scenario<?> scenario, List<Integer> counts, boolean stopAtFirstWrong)
            throws Exception {
        List<StressEvidence.ThreadCountRuns> runs = new ArrayList<>();
        StressTurn turn = StressTurn.take();
        try {
            for (int threads : counts) {
                StressRun.WrongResult wrong = runCount(scenario, threads, stopAtFirstWrong, runs);
                if (wrong != null) {
                    return new StressRun(scenario.concept(), StressEvidence.here(budget, runs), Optional.of(wrong));
                }
            }
            return new StressRun(scenario.concept(), StressEvidence.here(budget, runs), Optional.empty());
        } finally {
            turn.close();
            EvidenceLog.record(scenario.concept(), stopAtFirstWrong, StressEvidence.here(budget, runs));
        }
    }

    /** Runs one thread count within the budget; records its runs; returns its first wrong result, or null. */
    private StressRun.WrongResult runCount(Scenario<?> scenario, int threads, boolean stopAtFirstWrong,
                                           List<StressEvidence.ThreadCountRuns> runs) throws Exception {
        long start = System.nanoTime();
        long maxNanos = budget.maxTime().toNanos();
        int maxRepetitions = threads == 1
                ? Math.min(SINGLE_THREAD_REPETITIONS, budget.maxRepetitions()) : budget.maxRepetitions();
        int floor = threads == 1 ? 1 : Math.min(MIN_REPETITIONS, maxRepetitions);
        int repetitions = 0;
        int wrongRuns = 0;
        Outcome firstWrong = null;
        int firstWrongRepetition = 0;
        try (Crew crew = Crew.start(threads, scenario::threadName)) {
            while (repetitions < maxRepetitions && (repetitions == 0
                    || System.nanoTime() - start < (repetitions < floor ? maxNanos * FLOOR_TIME_FACTOR : maxNanos))) {
                repetitions++;
                RepetitionResult result = Repetition.run(scenario, crew, budget.repetitionDeadline());
                if (result instanceof RepetitionResult.Stuck stuck) {
                    runs.add(new StressEvidence.ThreadCountRuns(threads, repetitions, wrongRuns));
                    throw new AssertionFailedError(StressMessages.stuck(stuck.diagnosis(), threads, repetitions,
                            budget.repetitionDeadline(), StressEvidence.here(budget, runs)));
                }
                if (result instanceof RepetitionResult.Threw threw) {
                    runs.add(new StressEvidence.ThreadCountRuns(threads, repetitions, wrongRuns));
                    throw failure(threw, threads, repetitions);
                }
                Outcome outcome = ((RepetitionResult.Finished) result).outcome();
                if (!outcome.correct()) {
                    wrongRuns++;
                    if (firstWrong == null) {
                        firstWrong = outcome;
                        firstWrongRepetition = repetitions;
                    }
                    if (stopAtFirstWrong) {
                        break;
                    }
                }
                if (firstWrong != null && repetitions - firstWrongRepetition >= RUNS_AFTER_FIRST_WRONG) {
                    break;
                }
            }
        }
        runs.add(new StressEvidence.ThreadCountRuns(threads, repetitions, wrongRuns));
        return firstWrong == null ? null
                : new StressRun.WrongResult(threads, firstWrongRepetition, firstWrong, wrongRuns, repetitions);
    }

    /**
     * An assertion that failed on a worker stays an assertion (thrown here); an abort stays an abort; anything else
     * the code under test threw becomes a {@link WorkerFailure} (returned), an error.
     */
    private static RuntimeException failure(RepetitionResult.Threw threw, int threads, int repetition) {
        Throwable thrown = threw.thrown();
        String message = StressMessages.threw(thrown, threw.threadName(), threads, repetition);
        if (thrown instanceof TestAbortedException aborted) {
            return aborted;
        }
        if (thrown instanceof AssertionError) {
            AssertionFailedError failure = new AssertionFailedError(
                    thrown.getMessage() + " (in thread \"" + threw.threadName() + "\" with "
                            + StressMessages.threads(threads) + ", repetition " + repetition + ")", thrown);
            failure.setStackTrace(thrown.getStackTrace());
            throw failure;
        }
        return new WorkerFailure(message, thrown);
    }
}
