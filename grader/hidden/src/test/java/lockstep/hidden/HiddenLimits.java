package lockstep.hidden;

import java.time.Duration;
import lockstep.stress.StressBudget;

/**
 * The budgets and limits of the hidden suite, in one place. Sized for a 2-core machine: the whole suite stays under
 * a minute on the reference, and a racy canary is caught within a few milliseconds of these budgets.
 */
public final class HiddenLimits {

    /**
     * The library's default, the budget the detection benchmark measures: per thread count 200 runs or 100 ms; a
     * repetition that takes 5 s is stuck (a lock cycle is reported as soon as it forms).
     */
    public static final StressBudget STRESS = StressBudget.DEFAULT;

    /** A lighter budget for stress checks that only back up a single-threaded test. */
    public static final StressBudget LIGHT_STRESS = new StressBudget(50, Duration.ofMillis(100), Duration.ofSeconds(5));

    /** How long one call into the code under test may take before it is diagnosed as a hang. */
    public static final Duration CALL = Duration.ofSeconds(15);

    /**
     * How long a thread's last increment is held at most while RaceDemo.run should be waiting for it: longer than
     * any sleep a submission would guess its threads need. Code that joins gets its threads back as soon as it waits.
     */
    public static final Duration HELD_INCREMENT = Duration.ofSeconds(2);

    /**
     * How long threads that should run at the same time get to meet at a rendezvous. Threads that run at once meet
     * within milliseconds, 16 of them on a loaded 2-core machine too; code that runs its tasks one after another
     * waits out the whole of it in every probe, so it is kept short.
     */
    public static final Duration MEETING = Duration.ofSeconds(2);

    private HiddenLimits() {
    }
}
