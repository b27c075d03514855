package lockstep.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lockstep.stress.CounterScenarios;
import lockstep.stress.Ledger;
import lockstep.stress.Scenario;
import lockstep.stress.StressBudget;
import lockstep.stress.StressMatrix;
import lockstep.stress.TransferScenarios;

/**
 * Detection benchmark (not a test): runs the stress library, as the hidden tests use it, against buggy and correct
 * implementations of lost-update, visibility ({@link VisibilityPatterns}), check-then-act and deadlock patterns many
 * times, and a naive baseline (2 threads, no start gate, a fixed 100 repetitions, like a {@code @RepeatedTest}) on the
 * same implementations in the same run. Prints the evidence line (JDK, cores, budget, thread counts), then per
 * pattern: detections/runs, median and worst time to a verdict, and false failures of the correct implementations.
 *
 * <p>Run: {@code ./mvnw -q -pl grader/api test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=lockstep.bench.DetectionBenchmark -Dexec.args="200 50"} (runs per buggy, per correct pattern; a
 * third argument runs only the patterns whose name contains it, such as {@code visibility}).
 */
public final class DetectionBenchmark {

    private static final int PER_THREAD = 1_000;

    private DetectionBenchmark() {
    }

    /** A counter under test. */
    interface Count {
        void increment();

        long get();
    }

    /** One implementation and how the library and the baseline exercise it. */
    record Pattern(String name, boolean buggy, Supplier<Scenario<?>> scenario, Baseline baseline) {
    }

    /** The naive baseline: one repetition with two threads started one after the other; true when it saw a bug. */
    interface Baseline {
        boolean repetitionFindsBug() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int buggyRuns = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int correctRuns = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String only = args.length > 2 ? args[2] : "";
        List<Pattern> patterns = patterns().stream().filter(p -> p.name().contains(only)).toList();
        System.out.println(header(buggyRuns, correctRuns));
        // Warm-up: the JIT compiles the library and the implementations before anything is timed.
        for (Pattern pattern : patterns) {
            measure(pattern, 3);
        }
        System.out.println("| pattern | kind | Lockstep verdicts flagged / runs | median ms | worst ms | "
                + "first wrong result, median ms | naive baseline detections / runs |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Pattern pattern : patterns) {
            int runs = pattern.buggy() ? buggyRuns : correctRuns;
            Result result = measure(pattern, runs);
            int baseline = 0;
            for (int run = 0; run < runs; run++) {
                baseline += naive(pattern.baseline()) ? 1 : 0;
            }
            String first = pattern.buggy() ? String.format(Locale.ROOT, "%.1f", firstWrong(pattern, runs)) : "-";
            System.out.printf(Locale.ROOT, "| %s | %s | %d / %d | %.1f | %.1f | %s | %d / %d |%n", pattern.name(),
                    pattern.buggy() ? "buggy" : "correct (false failures)", result.flagged(), runs,
                    result.median(), result.worst(), first, baseline, runs);
        }
    }

    record Result(int flagged, double median, double worst) {
    }

    /**
     * The run's evidence in the words of the reports, such as {@code evidence: JDK 17.0.15, 2 cores, budget 200 runs
     * or 200 ms per thread count, 5 s per run, threads 1, 2, 4, 8, 16; 100 runs per buggy pattern, 30 per correct
     * pattern}.
     */
    static String header(int buggyRuns, int correctRuns) {
        StressBudget budget = StressBudget.DEFAULT;
        long deadline = budget.repetitionDeadline().toMillis();
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "evidence: JDK %s, %d %s, budget %s, %s per run, threads %s; "
                        + "%d runs per buggy pattern, %d per correct pattern", Runtime.version(), cores,
                cores == 1 ? "core" : "cores", budget,
                deadline % 1000 == 0 ? deadline / 1000 + " s" : deadline + " ms",
                StressMatrix.DEFAULT_THREAD_COUNTS.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                buggyRuns, correctRuns);
    }

    private static Result measure(Pattern pattern, int runs) throws Exception {
        int flagged = 0;
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            boolean caught;
            try {
                StressMatrix.of(StressBudget.DEFAULT).verify(pattern.scenario().get());
                caught = false;
            } catch (AssertionError | RuntimeException e) {
                caught = true;
            }
            millis.add((System.nanoTime() - start) / 1e6);
            flagged += caught ? 1 : 0;
        }
        Collections.sort(millis);
        return new Result(flagged, millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }

    /**
     * The median time until the first wrong result, from the highest thread count down ({@code provoke}, as the
     * canaries run): a verdict takes longer because it runs 20 more at that thread count to count the wrong runs.
     */
    private static double firstWrong(Pattern pattern, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            try {
                StressMatrix.of(StressBudget.DEFAULT).provoke(pattern.scenario().get());
            } catch (AssertionError | RuntimeException e) {
                // a deadlock or a hang: detected at its deadline
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    /** A fixed 100 repetitions of the baseline; true when any found the bug. */
    private static boolean naive(Baseline baseline) throws Exception {
        for (int repetition = 0; repetition < 100; repetition++) {
            if (baseline.repetitionFindsBug()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern counter(String name, boolean buggy, Supplier<Count> create) {
        return new Pattern(name, buggy,
                () -> CounterScenarios.exact(threads -> create.get(), Count::increment, Count::get, PER_THREAD),
                () -> {
                    Count count = create.get();
                    Thread a = new Thread(() -> repeat(count));
                    Thread b = new Thread(() -> repeat(count));
                    a.start();
                    b.start();
                    a.join();
                    b.join();
                    return count.get() != 2L * PER_THREAD;
                });
    }

    private static void repeat(Count count) {
        for (int i = 0; i < PER_THREAD; i++) {
            count.increment();
        }
    }

    private static Pattern bank(String name, boolean buggy, Supplier<Ledger<Account>> ledger, boolean overdraft) {
        return new Pattern(name, buggy,
                () -> overdraft ? TransferScenarios.noOverdraft(ledger.get(), 100, 100)
                        : TransferScenarios.conservation(ledger.get(), 3, 200),
                () -> {
                    Ledger<Account> bank = ledger.get();
                    Account a = bank.open("a", 100);
                    Account b = bank.open("b", 100);
                    boolean[] moved = new boolean[2];
                    Thread one = new Thread(() -> moved[0] = quietly(bank, a, b));
                    Thread two = new Thread(() -> moved[1] = quietly(bank, a, b));
                    one.setDaemon(true);
                    two.setDaemon(true);
                    one.start();
                    two.start();
                    one.join(2_000);
                    two.join(2_000);
                    return one.isAlive() || two.isAlive() || (moved[0] && moved[1]) || bank.balance(a) < 0;
                });
    }

    private static boolean quietly(Ledger<Account> bank, Account from, Account to) {
        try {
            return bank.transfer(from, to, 100);
        } catch (Exception e) {
            return false;
        }
    }

    static List<Pattern> patterns() {
        return List.of(
                counter("lost update: count++", true, () -> new Count() {
                    private long count;

                    @Override
                    public void increment() {
                        count++;
                    }

                    @Override
                    public long get() {
                        return count;
                    }
                }),
                counter("lost update: AtomicLong get, then set", true, () -> new Count() {
                    private final AtomicLong count = new AtomicLong();

                    @Override
                    public void increment() {
                        count.set(count.get() + 1);
                    }

                    @Override
                    public long get() {
                        return count.get();
                    }
                }),
                counter("lost update: a new lock object per call", true, () -> new Count() {
                    private long count;

                    @Override
                    public void increment() {
                        synchronized (new Object()) {
                            count++;
                        }
                    }

                    @Override
                    public long get() {
                        return count;
                    }
                }),
                VisibilityPatterns.plainStopFlag(),
                VisibilityPatterns.unlockedGet(),
                bank("check-then-act: balance checked outside the lock", true, () -> new Bank(Mode.CHECK_OUTSIDE), true),
                bank("no lock at all: money created or destroyed", true, () -> new Bank(Mode.UNLOCKED), false),
                bank("deadlock: locks taken in argument order", true, () -> new Bank(Mode.ARGUMENT_ORDER), false),
                counter("correct: synchronized", false, () -> new Count() {
                    private long count;

                    @Override
                    public synchronized void increment() {
                        count++;
                    }

                    @Override
                    public synchronized long get() {
                        return count;
                    }
                }),
                counter("correct: AtomicLong.incrementAndGet", false, () -> new Count() {
                    private final AtomicLong count = new AtomicLong();

                    @Override
                    public void increment() {
                        count.incrementAndGet();
                    }

                    @Override
                    public long get() {
                        return count.get();
                    }
                }),
                VisibilityPatterns.volatileStopFlag(),
                VisibilityPatterns.lockedGet(),
                bank("correct: locks in a global order (conservation)", false, () -> new Bank(Mode.ORDERED), false),
                bank("correct: locks in a global order (no overdraft)", false, () -> new Bank(Mode.ORDERED), true));
    }

    /** An account of the benchmark's banks. */
    static final class Account {
        private static final AtomicLong OPENED = new AtomicLong();
        final long order = OPENED.getAndIncrement();
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    enum Mode { UNLOCKED, CHECK_OUTSIDE, ARGUMENT_ORDER, ORDERED }

    /** The bank's variants, from broken to right. */
    static final class Bank implements Ledger<Account> {
        private final Mode mode;

        Bank(Mode mode) {
            this.mode = mode;
        }

        @Override
        public Account open(String id, long balance) {
            return new Account(balance);
        }

        @Override
        public boolean transfer(Account from, Account to, long amount) {
            switch (mode) {
                case UNLOCKED -> {
                    return move(from, to, amount);
                }
                case CHECK_OUTSIDE -> {
                    if (from.balance < amount) {
                        return false;
                    }
                    Thread.onSpinWait();
                    synchronized (from) {
                        synchronized (to) {
                            from.balance -= amount;
                            to.balance += amount;
                            return true;
                        }
                    }
                }
                case ARGUMENT_ORDER -> {
                    synchronized (from) {
                        synchronized (to) {
                            return move(from, to, amount);
                        }
                    }
                }
                default -> {
                    Account first = from.order < to.order ? from : to;
                    Account second = first == from ? to : from;
                    synchronized (first) {
                        synchronized (second) {
                            return move(from, to, amount);
                        }
                    }
                }
            }
        }

        private static boolean move(Account from, Account to, long amount) {
            if (from.balance < amount) {
                return false;
            }
            from.balance -= amount;
            to.balance += amount;
            return true;
        }

        @Override
        public long balance(Account account) {
            synchronized (account) {
                return account.balance;
            }
        }
    }
}
