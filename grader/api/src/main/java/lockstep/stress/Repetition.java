package lockstep.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs one repetition of a scenario: fresh state, {@code threads} new daemon threads released together through a
 * {@link StartGate}, a join bounded by the repetition's deadline, then the check. Threads still running at the
 * deadline are diagnosed, interrupted once and abandoned (never stopped). Called on the test's thread.
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

    /** Runs {@code scenario} once on {@code threads} threads; setup and check exceptions propagate. */
    static <S> RepetitionResult run(Scenario<S> scenario, int threads, Duration deadline) throws Exception {
        S state = scenario.create(threads);
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        StartGate gate = new StartGate(threads);
        AtomicReferenceArray<Throwable> thrown = new AtomicReferenceArray<>(threads);
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread worker = new Thread(() -> {
                try {
                    gate.pass(deadlineNanos);
                    scenario.act(state, index);
                } catch (Throwable t) { // anything the code under test throws is a finding, reported by index
                    thrown.set(index, t);
                }
            }, scenario.threadName(i));
            worker.setDaemon(true);
            worker.setUncaughtExceptionHandler((t, e) -> { });
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        List<Thread> stuck = joinUntilDeadlockOrDeadline(workers, deadlineNanos);
        if (!stuck.isEmpty()) {
            HangDiagnosis diagnosis = diagnose(stuck, scenario.labels(state));
            if (diagnosis != null) {
                stuck.forEach(Thread::interrupt);
                return new RepetitionResult.Stuck(diagnosis);
            }
        }
        for (int i = 0; i < threads; i++) {
            if (thrown.get(i) != null) {
                return new RepetitionResult.Threw(workers.get(i).getName(), thrown.get(i));
            }
        }
        return new RepetitionResult.Finished(scenario.judge(state, threads));
    }

    /**
     * Diagnoses threads that were still running at the deadline. Where no cycle shows yet but a thread is still
     * runnable (it may be on its way into a lock), looks again a few times, briefly; returns null where every thread
     * finished meanwhile (late, but not stuck).
     */
    private static HangDiagnosis diagnose(List<Thread> stuck, Map<String, Object> labels)
            throws InterruptedException {
        for (int look = 1; ; look++) {
            List<Thread> alive = stuck.stream().filter(Thread::isAlive).toList();
            if (alive.isEmpty()) {
                return null;
            }
            HangDiagnosis diagnosis = HangDiagnosis.of(alive, labels);
            boolean settling = alive.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE);
            if (diagnosis.deadlock() || !settling || look == DIAGNOSIS_LOOKS) {
                return diagnosis;
            }
            Thread.sleep(DIAGNOSIS_PAUSE_MILLIS);
        }
    }

    /**
     * Joins every thread until {@code deadlineNanos}, looking every {@link #CYCLE_LOOK_NANOS} for a lock cycle that
     * can never break ({@link HangDiagnosis#permanentCycle}); such a cycle, seen twice, ends the wait early: a
     * deadlock is reported in a fraction of a second instead of at the deadline. Returns the threads still alive.
     */
    static List<Thread> joinUntilDeadlockOrDeadline(List<Thread> threads, long deadlineNanos)
            throws InterruptedException {
        List<Thread> alive = threads;
        while (true) {
            alive = joinAll(alive, Math.min(deadlineNanos, System.nanoTime() + CYCLE_LOOK_NANOS));
            if (alive.isEmpty() || System.nanoTime() - deadlineNanos >= 0) {
                return alive;
            }
            if (HangDiagnosis.permanentCycle(alive)) {
                Thread.sleep(CYCLE_CONFIRM_MILLIS);
                if (HangDiagnosis.permanentCycle(alive)) {
                    return alive.stream().filter(Thread::isAlive).toList();
                }
            }
        }
    }

    /** Joins every thread until {@code deadlineNanos}; returns those still alive then. */
    static List<Thread> joinAll(List<Thread> threads, long deadlineNanos) throws InterruptedException {
        for (Thread thread : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            thread.join(Math.max(1, left / 1_000_000), 0);
        }
        List<Thread> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive.add(thread);
            }
        }
        return alive;
    }
}
