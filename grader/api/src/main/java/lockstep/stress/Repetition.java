package lockstep.stress;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one repetition of a scenario: fresh state, the {@link Crew}'s threads released together through a new
 * {@link StartGate}, a wait for them bounded by the repetition's deadline, then the check. Threads still running at
 * the deadline are diagnosed, interrupted once and abandoned (never stopped), and the crew with them. Called on the
 * test's thread.
 */
final class Repetition {

    private static final int DIAGNOSIS_LOOKS = 5;
    private static final long DIAGNOSIS_PAUSE_MILLIS = 20;
    /** How often threads that are still running are checked for a lock cycle before the deadline. */
    private static final long CYCLE_LOOK_NANOS = 100_000_000L;
    /** How long a lock cycle must last, seen twice, before it is reported ahead of the deadline. */
    private static final long CYCLE_CONFIRM_MILLIS = 50;

    private Repetition() {
    }

    /**
     * Runs {@code scenario} once on the threads of {@code crew}; setup and check exceptions propagate. Where the
     * result is {@link RepetitionResult.Stuck}, the crew is abandoned: run no further repetition on it.
     */
    static <S> RepetitionResult run(Scenario<S> scenario, Crew crew, Duration deadline) throws Exception {
        int threads = crew.size();
        S state = scenario.create(threads);
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        StartGate gate = new StartGate(threads);
        Crew.Round round = crew.begin(index -> {
            gate.pass(deadlineNanos);
            scenario.act(state, index);
        });
        List<Thread> stuck = awaitUntilDeadlockOrDeadline(round, deadlineNanos);
        if (!stuck.isEmpty()) {
            HangDiagnosis diagnosis = diagnose(round, scenario.labels(state));
            if (diagnosis != null) {
                round.abandon();
                round.running().forEach(Thread::interrupt);
                return new RepetitionResult.Stuck(diagnosis);
            }
        }
        for (int i = 0; i < threads; i++) {
            if (round.thrown(i) != null) {
                return new RepetitionResult.Threw(round.name(i), round.thrown(i));
            }
        }
        return new RepetitionResult.Finished(scenario.judge(state, threads));
    }

    /**
     * Diagnoses threads that were still running at the deadline. Where no cycle shows yet but a thread is still
     * runnable (it may be on its way into a lock), looks again a few times, briefly; returns null where every thread
     * finished meanwhile (late, but not stuck).
     */
    private static HangDiagnosis diagnose(Crew.Round round, Map<String, Object> labels)
            throws InterruptedException {
        for (int look = 1; ; look++) {
            List<Thread> running = round.running();
            if (running.isEmpty()) {
                return null;
            }
            HangDiagnosis diagnosis = HangDiagnosis.of(running, labels);
            boolean settling = running.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE);
            if (diagnosis.deadlock() || !settling || look == DIAGNOSIS_LOOKS) {
                return diagnosis;
            }
            Thread.sleep(DIAGNOSIS_PAUSE_MILLIS);
        }
    }

    /**
     * Waits for the round until {@code deadlineNanos}, looking every {@link #CYCLE_LOOK_NANOS} for a lock cycle that
     * can never break ({@link HangDiagnosis#permanentCycle}); such a cycle, seen twice, ends the wait early: a
     * deadlock is reported in a fraction of a second instead of at the deadline. Returns the threads still running.
     */
    static List<Thread> awaitUntilDeadlockOrDeadline(Crew.Round round, long deadlineNanos)
            throws InterruptedException {
        while (true) {
            List<Thread> running = round.await(Math.min(deadlineNanos, System.nanoTime() + CYCLE_LOOK_NANOS));
            if (running.isEmpty() || System.nanoTime() - deadlineNanos >= 0) {
                return running;
            }
            if (HangDiagnosis.permanentCycle(running)) {
                Thread.sleep(CYCLE_CONFIRM_MILLIS);
                if (HangDiagnosis.permanentCycle(running)) {
                    return round.running();
                }
            }
        }
    }
}
