package lockstep.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lockstep.model.Evidence;

/**
 * Collects the evidence of one test's stress runs and model checks for the grader: the test JVM's listener
 * {@linkplain #open() opens} a log as a test starts, {@linkplain #close() closes} it when the test has finished, and
 * sends what it holds with the test's outcome, whatever the outcome. {@link StressMatrix} records every run (canaries
 * included, also where it throws), {@code ModelCheck} every model check.
 *
 * <p>A log belongs to the thread that opened it and to the threads started from it after that (it is held in an
 * inheritable thread-local), so a test that outlived its timeout and still runs writes only into its own, closed log,
 * never into the next test's; where no log is open (a plain Maven run, a benchmark) nothing is recorded. Recording
 * and closing are thread-safe. A log keeps at most {@value #MOST_CHECKS} checks and counts the rest.
 */
public final class EvidenceLog {

    /** The most checks one test records; the rest are counted as omitted. */
    static final int MOST_CHECKS = 32;

    /** The most characters of a concept kept: concepts come from tests, but the channel's fields are bounded. */
    static final int MOST_CONCEPT_CHARS = 200;

    private static final InheritableThreadLocal<EvidenceLog> CURRENT = new InheritableThreadLocal<>();

    private final List<Evidence.Stress> stress = new ArrayList<>(); // guarded by this
    private final List<Evidence.ModelChecking> modelChecks = new ArrayList<>(); // guarded by this
    private int omitted; // guarded by this
    private boolean closed; // guarded by this

    private EvidenceLog() {
    }

    /** Opens a fresh log for this thread and the threads it starts from now on (a test about to run). */
    public static void open() {
        CURRENT.set(new EvidenceLog());
    }

    /**
     * Closes this thread's log; later records into it are dropped.
     *
     * @return the evidence recorded since {@link #open()}, with this JVM's JDK and cores; empty where nothing was
     *         recorded or no log was open
     */
    public static Optional<Evidence> close() {
        EvidenceLog log = CURRENT.get();
        CURRENT.remove();
        return log == null ? Optional.empty() : log.seal();
    }

    /** Records a model check (or the plain runs that stood in for it) into the current log, if one is open. */
    public static void record(Evidence.ModelChecking check) {
        EvidenceLog log = CURRENT.get();
        if (log != null) {
            log.add(null, new Evidence.ModelChecking(bounded(check.concept()), check.tool(), check.interleavings(),
                    check.plainRuns(), check.failed()));
        }
    }

    /** Records a stress run into the current log, if one is open. */
    static void record(String concept, boolean canary, StressEvidence run) {
        EvidenceLog log = CURRENT.get();
        if (log == null) {
            return;
        }
        log.add(run.toModel(bounded(concept), canary), null);
    }

    private synchronized void add(Evidence.Stress run, Evidence.ModelChecking check) {
        if (closed) {
            return;
        }
        if (stress.size() + modelChecks.size() >= MOST_CHECKS) {
            omitted++;
        } else if (run != null) {
            stress.add(run);
        } else {
            modelChecks.add(check);
        }
    }

    private synchronized Optional<Evidence> seal() {
        closed = true;
        if (stress.isEmpty() && modelChecks.isEmpty() && omitted == 0) {
            return Optional.empty();
        }
        return Optional.of(new Evidence(Runtime.version().toString(), Runtime.getRuntime().availableProcessors(),
                stress, modelChecks, omitted));
    }

    private static String bounded(String concept) {
        return concept.length() <= MOST_CONCEPT_CHARS ? concept : concept.substring(0, MOST_CONCEPT_CHARS) + "...";
    }
}
