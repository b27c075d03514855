package lockstep.stress;

import java.time.Duration;
import java.util.Locale;

/**
 * Every student-facing text of the stress library, in one place: expected, observed, the evidence, the concept by
 * name and one hint. (Kept as code rather than a resource bundle: the library ships as one package.)
 */
final class StressMessages {

    static final String DEADLOCK_HINT = "hint: each thread waits for a lock that the next one holds; "
            + "take nested locks in the same global order in every thread (for example, a unique number per lock)";

    static final String HANG_HINT = "hint: a thread waits for something that never happens or loops forever; "
            + "look for a lock that is never unlocked, a wait without a wake-up, or a loop that waits for another "
            + "thread without synchronization";

    private StressMessages() {
    }

    /** {@code lost updates: expected 16000, got 15412 with 16 threads (first wrong result in repetition 3; ...)}. */
    static String wrongResult(String concept, StressRun.WrongResult wrong) {
        return String.format(Locale.ROOT,
                "%s: expected %s, got %s with %s (first wrong result in repetition %d; %d of %d runs wrong)",
                concept, wrong.outcome().expected(), wrong.outcome().observed(), threads(wrong.threads()),
                wrong.repetition(), wrong.wrongRuns(), wrong.runs());
    }

    /** The diagnosis of threads that did not finish, with where it happened, a hint and the evidence. */
    static String stuck(HangDiagnosis diagnosis, int threads, int repetition, Duration deadline,
                        StressEvidence evidence) {
        String when = diagnosis.deadlock() ? "" : ", still running after " + duration(deadline);
        return String.format(Locale.ROOT, "%s (with %s, repetition %d%s)%n%s%n%s%n%s",
                diagnosis.summary(), threads(threads), repetition, when, diagnosis.details(),
                diagnosis.deadlock() ? DEADLOCK_HINT : HANG_HINT, evidence).replace("\r", "");
    }

    /** {@code java.lang.IllegalStateException: boom (thrown in thread "stress-3" with 16 threads, repetition 2)}. */
    static String threw(Throwable thrown, String threadName, int threads, int repetition) {
        return String.format(Locale.ROOT, "%s (thrown in thread \"%s\" with %s, repetition %d)",
                thrown, threadName, threads(threads), repetition);
    }

    /** A call that did not return in time, with the diagnosis of its threads and a hint. */
    static String overdue(String what, Duration limit, HangDiagnosis diagnosis) {
        return String.format(Locale.ROOT, "%s did not return within %s: %s%n%s%n%s", what, duration(limit),
                diagnosis.summary(), diagnosis.details(), diagnosis.deadlock() ? DEADLOCK_HINT : HANG_HINT)
                .replace("\r", "");
    }

    /** Why a pass cannot count: the known-racy canary was not caught with the budget raised either. */
    static String inconclusive(String concept, StressEvidence canary, int factor) {
        return String.format(Locale.ROOT,
                "inconclusive on this machine: a known-racy canary was not caught either (no %s in %d runs with up "
                        + "to %s on %d %s, budget %s raised %dx), so a pass here would prove nothing; "
                        + "regrade on a machine with more cores%n%s",
                concept, canary.totalRepetitions(), threads(canary.maxThreads()), canary.cores(),
                canary.cores() == 1 ? "core" : "cores", canary.budget(), factor, canary).replace("\r", "");
    }

    /** The deadline of a rendezvous that not every thread reached. */
    static String notConcurrent(int met, int parties, Duration timeout) {
        return String.format(Locale.ROOT,
                "not concurrent: only %d of %d threads were running at the same time (waited %s for all of them "
                        + "to meet) — did you start each thread before joining the previous one?",
                met, parties, duration(timeout));
    }

    static String threads(int threads) {
        return threads == 1 ? "1 thread" : threads + " threads";
    }

    /** {@code 200 ms}, {@code 5 s}, {@code 1.5 s}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
