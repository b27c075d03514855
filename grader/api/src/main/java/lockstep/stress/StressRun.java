package lockstep.stress;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of running a scenario through a {@link StressMatrix}: its evidence and, if a repetition ended in a
 * wrong state, the first such result.
 *
 * @param concept    the scenario's concept, such as {@code lost updates}
 * @param evidence   what ran
 * @param firstWrong the first wrong result, if any
 */
public record StressRun(String concept, StressEvidence evidence, Optional<WrongResult> firstWrong) {

    /**
     * The first repetition whose final state was wrong.
     *
     * @param threads    the thread count it ran with
     * @param repetition its number at that thread count, from 1
     * @param outcome    what the check found
     * @param wrongRuns  how many repetitions at that thread count were wrong
     * @param runs       how many repetitions ran at that thread count
     */
    public record WrongResult(int threads, int repetition, Outcome outcome, int wrongRuns, int runs) {
    }

    public StressRun {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(firstWrong, "firstWrong");
    }

    /** Whether some repetition ended in a wrong state. */
    public boolean caughtWrongResult() {
        return firstWrong.isPresent();
    }

    /**
     * The failure text for a wrong result, such as {@code lost updates: expected 16000, got 15412 with 16 threads
     * (first wrong result in repetition 3; 41 of 41 runs wrong)}, then the evidence on its own line.
     *
     * @throws IllegalStateException where no result was wrong
     */
    public String failureMessage() {
        WrongResult wrong = firstWrong.orElseThrow(() -> new IllegalStateException("no wrong result"));
        return StressMessages.wrongResult(wrong.outcome().conceptOr(concept), wrong) + "\n" + evidence;
    }
}
