package lockstep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one test's concurrency checks did, so that a disputed grade can be replayed: the test JVM's JDK and cores,
 * every stress run (its budget, and per thread count the repetitions run and wrong; a canary's runs included) and
 * every model check (the tool and how many interleavings). Recorded by the test library in the test JVM and sent with
 * the test's outcome over the signed channel; part of {@code result.json} and rendered by the reports.
 *
 * <p>Nothing in the library's scenarios or the hidden suite is random, so there is no seed to record: a stress
 * scenario does the same work on every run (which interleavings happen is up to the machine, which is why its cores
 * and budget are recorded), and Lincheck's model checking explores interleavings in a fixed order.
 *
 * @param jdk         the test JVM's Java version, such as {@code 17.0.15+6}
 * @param cores       the processors available to the test JVM
 * @param stress      the stress runs, in the order they ran
 * @param modelChecks the model checks, in the order they ran
 * @param omitted     checks that ran but were not recorded, past the most one test records
 */
public record Evidence(String jdk, int cores, List<Stress> stress, List<ModelChecking> modelChecks, int omitted) {

    /**
     * How much a stress run could spend at each thread count.
     *
     * @param maxRuns    the most repetitions at one thread count
     * @param maxTimeMs  the most wall time at one thread count, in milliseconds
     * @param deadlineMs how long one repetition could run before it counted as stuck, in milliseconds
     */
    public record Budget(int maxRuns, long maxTimeMs, long deadlineMs) {

        /** For example {@code 200 runs or 200 ms per thread count}, as failure messages word it. */
        public String text() {
            return String.format(Locale.ROOT, "%d runs or %s per thread count", maxRuns, duration(maxTimeMs));
        }
    }

    /**
     * The repetitions at one thread count.
     *
     * @param threads the thread count
     * @param runs    repetitions run
     * @param wrong   repetitions whose final state was wrong
     */
    public record Runs(int threads, int runs, int wrong) {
    }

    /**
     * One stress run of a scenario across thread counts.
     *
     * @param concept      the scenario's concept, such as {@code lost updates}
     * @param canary       whether this ran the known-racy canary (which must be caught) rather than the code under test
     * @param budget       its budget
     * @param threadCounts per thread count, in the order run
     */
    public record Stress(String concept, boolean canary, Budget budget, List<Runs> threadCounts) {

        public Stress {
            Objects.requireNonNull(concept, "concept");
            Objects.requireNonNull(budget, "budget");
            threadCounts = threadCounts == null ? List.of() : List.copyOf(threadCounts);
        }

        /** For example {@code runs 1:200 2:200 16:41, wrong 16:41}: wrong runs only at the counts that had some. */
        public String runsText() {
            String runs = threadCounts.stream().map(r -> r.threads() + ":" + r.runs())
                    .collect(Collectors.joining(" "));
            String wrong = threadCounts.stream().filter(r -> r.wrong() > 0).map(r -> r.threads() + ":" + r.wrong())
                    .collect(Collectors.joining(" "));
            return "runs " + (runs.isEmpty() ? "none" : runs) + ", wrong " + (wrong.isEmpty() ? "0" : wrong);
        }
    }

    /**
     * One model check, or the plain runs that stood in for it where model checking was off.
     *
     * @param concept       what a failure means, such as {@code SynchronizedCounter lost an update}
     * @param tool          the model checker, such as {@code Lincheck 3.7}; empty where model checking was off
     * @param interleavings the interleavings the model checker was asked to explore (it stops early at a failing one);
     *                      0 where model checking was off
     * @param plainRuns     where model checking was off, the runs of the scenario on real threads instead; else 0
     * @param failed        whether a failing interleaving (or run) was found
     */
    public record ModelChecking(String concept, String tool, int interleavings, int plainRuns, boolean failed) {

        public ModelChecking {
            Objects.requireNonNull(concept, "concept");
            tool = tool == null ? "" : tool;
        }

        String text() {
            String how = tool.isEmpty()
                    ? "model checking off, " + plainRuns + " runs on real threads instead"
                    : "model checked with " + tool + ", up to " + interleavings + " interleavings";
            return concept + ": " + how + (failed ? ", failed" : ", none failed");
        }
    }

    public Evidence {
        Objects.requireNonNull(jdk, "jdk");
        stress = stress == null ? List.of() : List.copyOf(stress);
        modelChecks = modelChecks == null ? List.of() : List.copyOf(modelChecks);
    }

    /**
     * The evidence as short lines, the first naming the JDK, the cores and the budget the stress runs share, then a
     * line per check: {@code evidence: JDK 17.0.15, 2 cores, budget 200 runs or 200 ms per thread count},
     * {@code lost updates: runs 1:200 2:200 4:180 8:95 16:60, wrong 0},
     * {@code canary (lost updates): runs 16:1, wrong 16:1}. A check whose budget differs names its own.
     */
    public List<String> lines() {
        Budget shared = stress.isEmpty() ? null : stress.get(0).budget();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "evidence: JDK %s, %d %s%s", jdk, cores, cores == 1 ? "core" : "cores",
                shared == null ? "" : ", budget " + shared.text()));
        for (Stress run : stress) {
            String name = run.canary() ? "canary (" + run.concept() + ")" : run.concept();
            String budget = run.budget().equals(shared) ? "" : ", budget " + run.budget().text();
            lines.add(name + budget + ": " + run.runsText());
        }
        modelChecks.forEach(check -> lines.add(check.text()));
        if (omitted > 0) {
            lines.add(omitted + (omitted == 1 ? " more check" : " more checks") + " not recorded");
        }
        return List.copyOf(lines);
    }

    /** {@link #lines()} on one line, joined by {@code "; "}: the compact form reports show under a test. */
    public String summary() {
        return String.join("; ", lines());
    }

    /** {@code 200 ms}, {@code 5 s}, {@code 1.5 s}. */
    private static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
