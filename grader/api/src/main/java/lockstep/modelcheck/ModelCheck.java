package lockstep.modelcheck;

import java.util.Locale;
import java.util.Optional;
import lockstep.model.Evidence;
import lockstep.stress.EvidenceLog;
import org.jetbrains.lincheck.Lincheck;

/**
 * Model checking with Lincheck: runs a small concurrent scenario (start two or three threads, join them, check the
 * result) under every interleaving Lincheck explores, deterministically, and fails with the interleaving that broke
 * the code, so a student sees which thread read what and which write was lost. Where model checking does not work
 * (Lincheck 3.7 misses races on instance fields on JDK 25, and the grader may switch it off), {@link #available()}
 * says so and callers fall back to stress alone ({@link #checkOrRepeat} does both).
 *
 * <p>Every check is recorded in the current {@link EvidenceLog}: the tool, the interleavings, and whether one failed.
 * The checks of a test class that holds model checks alone can share one instrumentation ({@link ModelCheckSession}).
 *
 * <p>Create objects under test inside the scenario with {@code new} or a lambda, never a constructor reference:
 * Lincheck misses races on objects created through {@code Foo::new}.
 */
public final class ModelCheck {

    /** The system property the grader sets to {@code false} to switch model checking off. */
    public static final String PROPERTY = "lockstep.modelChecking";

    /**
     * The system property the grader sets, in a test JVM that runs on its class data archive, to the class list the
     * archive was dumped from: the model checker's classes are loaded from the archive before its first check.
     */
    public static final String CLASS_LIST_PROPERTY = "lockstep.sharedClassList";

    /** The newest JDK feature release on which Lincheck 3.7's model checking was seen to work. */
    public static final int NEWEST_WORKING_JDK = 24;

    private ModelCheck() {
    }

    /** Whether model checking works in this JVM; when not, {@link #why()} says why. */
    public static boolean available() {
        return why().isEmpty();
    }

    /** Why model checking is off in this JVM, or empty when it is on. */
    public static String why() {
        if ("false".equals(System.getProperty(PROPERTY))) {
            return "model checking is switched off for this run";
        }
        int feature = Runtime.version().feature();
        if (feature > NEWEST_WORKING_JDK) {
            return String.format(Locale.ROOT, "model checking is off on JDK %d (Lincheck misses races on fields there)"
                    + ": this verdict rests on stress tests alone", feature);
        }
        return "";
    }

    /**
     * Checks {@code scenario} under {@code invocations} interleavings. The scenario asserts its own outcome.
     *
     * @param concept what a failure means, in a student's words, such as {@code lost update}
     * @throws AssertionError with the concept and the interleaving that leads to the failure
     * @throws IllegalStateException where model checking is not {@link #available()}
     */
    public static void check(String concept, int invocations, Runnable scenario) {
        if (!available()) {
            throw new IllegalStateException(why());
        }
        check(concept, invocations, scenario, LINCHECK);
    }

    /** A model checker: Lincheck, or a stand-in in the tests. */
    @FunctionalInterface
    interface Checker {
        /** Explores {@code invocations} interleavings of {@code scenario}; throws what the checker throws. */
        void explore(int invocations, Runnable scenario);
    }

    private static final Checker LINCHECK = (invocations, scenario) -> {
        SharedClasses.loadOnce(); // before Lincheck attaches, after which the archive no longer serves them
        LincheckAgent.during(() -> Lincheck.runConcurrentTest(invocations, scenario));
    };

    /** How often a model check that failed with the model checker's own error is tried before giving up on it. */
    static final int ATTEMPTS = 3;

    static void check(String concept, int invocations, Runnable scenario, Checker checker) {
        boolean failed = true;
        boolean crashed = false;
        try {
            Throwable crash = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    checker.explore(invocations, scenario);
                    failed = false;
                    return;
                } catch (AssertionError | RuntimeException failure) {
                    if (!InterleavingTrace.isReport(failure)) {
                        // Lincheck's own error (it has known index-out-of-bounds bugs): no verdict yet, try again.
                        crash = failure;
                        continue;
                    }
                    if (InterleavingTrace.timedWaitHang(failure)) {
                        throw new TimedWaitHang(concept, failure);
                    }
                    throw new AssertionError(concept + ": " + InterleavingTrace.from(failure), failure);
                }
            }
            // Even a crash while printing a failure is no verdict: a grader never fails code on a tool's error. Nor
            // is it evidence: the runs on real threads that stand in for it are.
            crashed = true;
            throw new CheckerCrash(concept, crash);
        } finally {
            if (!crashed) {
                EvidenceLog.record(new Evidence.ModelChecking(concept, tool(), invocations, 0, failed));
            }
        }
    }

    /**
     * The model checker failed with an error of its own (not a report of a failing interleaving) every time it was
     * tried: no verdict on the code, which {@link #checkOrRepeat} then judges on real threads.
     */
    public static final class CheckerCrash extends AssertionError {
        private static final long serialVersionUID = 1L;

        CheckerCrash(String concept, Throwable crash) {
            super(concept + ": the model checker failed with an error of its own " + ATTEMPTS + " times (" + crash
                    + "), so this is no verdict on the code", crash);
        }
    }

    /**
     * Model checking reported a hang without a deadlock in code that waits with timeouts (such as {@code tryLock}
     * with a random back-off): Lincheck does not model time, so this is no verdict on the code.
     */
    public static final class TimedWaitHang extends AssertionError {
        private static final long serialVersionUID = 1L;

        TimedWaitHang(String concept, Throwable report) {
            super(concept + ": the model checker found a schedule in which threads waiting with timeouts retry for "
                    + "ever, but it does not model time, so this is no verdict: " + InterleavingTrace.from(report),
                    report);
        }
    }

    /**
     * {@link #check} where model checking is {@link #available()}; elsewhere, or where the model checker could not
     * judge timed waits ({@link TimedWaitHang}) or kept failing with its own error ({@link CheckerCrash}), runs
     * {@code scenario} up to {@code plainRuns} times on real threads instead, stopping at the first failure, and the
     * evidence says so.
     *
     * @throws AssertionError where an interleaving, or a plain run, failed
     */
    public static void checkOrRepeat(String concept, int invocations, int plainRuns, Runnable scenario) {
        checkOrRepeat(concept, invocations, plainRuns, scenario, available() ? Optional.of(LINCHECK)
                : Optional.empty());
    }

    static void checkOrRepeat(String concept, int invocations, int plainRuns, Runnable scenario,
            Optional<Checker> checker) {
        if (checker.isPresent()) {
            try {
                check(concept, invocations, scenario, checker.get());
                return;
            } catch (TimedWaitHang | CheckerCrash noVerdict) {
                // No verdict from the model checker (timed back-off it cannot judge, or its own error): real
                // threads decide.
            }
        }
        LincheckAgent.takeOut(); // real threads run the code as it is, also where a session kept it instrumented
        int runs = 0;
        boolean failed = true;
        try {
            while (runs < plainRuns) {
                runs++;
                scenario.run();
            }
            failed = false;
        } finally {
            EvidenceLog.record(new Evidence.ModelChecking(concept, "", 0, runs, failed));
        }
    }

    /** The model checker with its version, as evidence names it, such as {@code Lincheck 3.7}. */
    static String tool() {
        String version = Lincheck.class.getPackage() == null ? null
                : Lincheck.class.getPackage().getImplementationVersion();
        return version == null ? "Lincheck" : "Lincheck " + version;
    }
}
