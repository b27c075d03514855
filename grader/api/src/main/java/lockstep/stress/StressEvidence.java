package lockstep.stress;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import lockstep.model.Evidence;

/**
 * What a stress run did, for feedback and logs: the JDK and cores it ran on, its budget, and the repetitions run and
 * wrong at each thread count. A value; {@link #toString()} is one line.
 *
 * @param jdk    the Java runtime version, such as {@code 17.0.15}
 * @param cores  available processors
 * @param budget the budget the runs had
 * @param runs   per thread count, in the order run
 */
public record StressEvidence(String jdk, int cores, StressBudget budget, List<ThreadCountRuns> runs) {

    /**
     * The repetitions at one thread count.
     *
     * @param threads     the thread count
     * @param repetitions repetitions run
     * @param wrong       repetitions whose final state was wrong
     */
    public record ThreadCountRuns(int threads, int repetitions, int wrong) {
    }

    public StressEvidence {
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(budget, "budget");
        runs = List.copyOf(runs);
    }

    /** Evidence of this JVM, with {@code runs} under {@code budget}. */
    static StressEvidence here(StressBudget budget, List<ThreadCountRuns> runs) {
        return new StressEvidence(Runtime.version().toString(), Runtime.getRuntime().availableProcessors(),
                budget, runs);
    }

    /** All repetitions run, at every thread count. */
    public int totalRepetitions() {
        return runs.stream().mapToInt(ThreadCountRuns::repetitions).sum();
    }

    /** The largest thread count run, 0 when none ran. */
    public int maxThreads() {
        return runs.stream().mapToInt(ThreadCountRuns::threads).max().orElse(0);
    }

    /** This run as the result model records it, for {@code concept}, a canary's run or not. */
    Evidence.Stress toModel(String concept, boolean canary) {
        Evidence.Budget spent = new Evidence.Budget(budget.maxRepetitions(), budget.maxTime().toMillis(),
                budget.repetitionDeadline().toMillis());
        return new Evidence.Stress(concept, canary, spent,
                runs.stream().map(r -> new Evidence.Runs(r.threads(), r.repetitions(), r.wrong())).toList());
    }

    /**
     * One line in the words of the reports' evidence, such as {@code evidence: JDK 17.0.15, 2 cores, budget 200 runs
     * or 200 ms per thread count; runs 1:200 2:200 16:41, wrong 16:41}.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "evidence: JDK %s, %d %s, budget %s; %s", jdk, cores,
                cores == 1 ? "core" : "cores", budget, toModel("", false).runsText());
    }
}
