package lockstep.stress;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How much a stress run may spend at each thread count: at most {@code maxRepetitions} repetitions and at most
 * {@code maxTime} of wall time (whichever ends first; at least one repetition always runs, and with two threads or more
 * at least {@value StressMatrix#MIN_REPETITIONS} where {@code maxRepetitions} allows, taking up to
 * {@value StressMatrix#FLOOR_TIME_FACTOR} times {@code maxTime} on a loaded machine; a single thread, which
 * cannot race, runs at most {@value StressMatrix#SINGLE_THREAD_REPETITIONS}), and how long one repetition may take
 * before its threads count as stuck ({@code repetitionDeadline}).
 *
 * @param maxRepetitions     the most repetitions at one thread count, at least 1
 * @param maxTime            the most wall time at one thread count, positive
 * @param repetitionDeadline how long one repetition may run before it is diagnosed as a deadlock or a hang
 */
public record StressBudget(int maxRepetitions, Duration maxTime, Duration repetitionDeadline) {

    /**
     * 200 repetitions or 100 ms per thread count, 5 s per repetition: cheap, and enough for every lost-update,
     * check-then-act and deadlock pattern of the detection benchmark (see the README for its numbers).
     */
    public static final StressBudget DEFAULT =
            new StressBudget(200, Duration.ofMillis(100), Duration.ofSeconds(5));

    public StressBudget {
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(repetitionDeadline, "repetitionDeadline");
        if (maxRepetitions < 1) {
            throw new IllegalArgumentException("maxRepetitions must be at least 1, was " + maxRepetitions);
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive, was " + maxTime);
        }
        if (repetitionDeadline.isNegative() || repetitionDeadline.isZero()) {
            throw new IllegalArgumentException("repetitionDeadline must be positive, was " + repetitionDeadline);
        }
    }

    /** This budget with {@code factor} times the repetitions and the time per thread count; the deadline stays. */
    public StressBudget scaled(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, was " + factor);
        }
        long repetitions = Math.min(Integer.MAX_VALUE, (long) maxRepetitions * factor);
        return new StressBudget((int) repetitions, maxTime.multipliedBy(factor), repetitionDeadline);
    }

    /** This budget with another deadline per repetition. */
    public StressBudget withRepetitionDeadline(Duration deadline) {
        return new StressBudget(maxRepetitions, maxTime, deadline);
    }

    /** For example {@code 200 runs or 200 ms per thread count}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d runs or %s per thread count",
                maxRepetitions, StressMessages.duration(maxTime));
    }
}
