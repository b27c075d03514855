package lockstep.modelcheck;

import java.util.Locale;
import org.jetbrains.lincheck.Lincheck;

/**
 * Model checking with Lincheck: runs a small concurrent scenario (start two or three threads, join them, check the
 * result) under every interleaving Lincheck explores, deterministically, and fails with the interleaving that broke
 * the code, so a student sees which thread read what and which write was lost. Where model checking does not work
 * (Lincheck 3.7 misses races on instance fields on JDK 25, and the grader may switch it off), {@link #available()}
 * says so and callers fall back to stress alone.
 *
 * <p>Create objects under test inside the scenario with {@code new} or a lambda, never a constructor reference:
 * Lincheck misses races on objects created through {@code Foo::new}.
 */
public final class ModelCheck {

    /** The system property the grader sets to {@code false} to switch model checking off. */
    public static final String PROPERTY = "lockstep.modelChecking";

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
        try {
            Lincheck.runConcurrentTest(invocations, scenario);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(concept + ": " + InterleavingTrace.from(failure), failure);
        }
    }
}
