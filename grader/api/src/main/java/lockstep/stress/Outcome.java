package lockstep.stress;

import java.util.Objects;

/**
 * What a {@link Scenario}'s check found in the final state of one repetition: either correct, or wrong with what was
 * expected and what was observed, in a student's words.
 *
 * @param correct  whether the final state is one the contract allows
 * @param concept  the concept a wrong result shows (such as {@code lost updates}); {@code null} for the scenario's own
 * @param expected what a correct program ends with, such as {@code 16000}; empty when correct
 * @param observed what this run ended with, such as {@code 15412}; empty when correct
 */
public record Outcome(boolean correct, String concept, String expected, String observed) {

    private static final Outcome CORRECT = new Outcome(true, null, "", "");

    public Outcome {
        expected = expected == null ? "" : expected;
        observed = observed == null ? "" : observed;
    }

    /** The final state is right. */
    public static Outcome right() {
        return CORRECT;
    }

    /** Correct where {@code expected == observed}; wrong otherwise, showing both numbers. */
    public static Outcome equal(long expected, long observed) {
        return expected == observed ? CORRECT : wrong(Long.toString(expected), Long.toString(observed));
    }

    /** A wrong final state of the scenario's own concept. */
    public static Outcome wrong(String expected, String observed) {
        return new Outcome(false, null, expected, observed);
    }

    /** A wrong final state that shows {@code concept}, such as {@code balance below zero}. */
    public static Outcome wrong(String concept, String expected, String observed) {
        return new Outcome(false, Objects.requireNonNull(concept, "concept"), expected, observed);
    }

    /** The concept this outcome shows: its own, or {@code fallback} (the scenario's). */
    String conceptOr(String fallback) {
        return concept == null ? fallback : concept;
    }
}
