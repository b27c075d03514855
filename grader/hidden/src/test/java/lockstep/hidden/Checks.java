package lockstep.hidden;

import org.opentest4j.AssertionFailedError;

/**
 * Checks in a student's words: a failure message is the feedback, shown as written (no {@code expected: <true>}).
 */
public final class Checks {

    /** Code under test that should throw. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private Checks() {
    }

    /** Fails with {@code failure} unless {@code condition} holds. */
    public static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionFailedError(failure);
        }
    }

    /** Fails unless {@code call} throws {@link IllegalArgumentException}; {@code what} names the call and why. */
    public static void assertRejected(String what, String why, Call call) throws InterruptedException {
        try {
            call.run();
        } catch (IllegalArgumentException expected) {
            return;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            throw new AssertionFailedError(what + " threw " + e + ", expected IllegalArgumentException (" + why + ")",
                    e);
        }
        throw new AssertionFailedError(what + " returned, expected IllegalArgumentException (" + why + ")");
    }
}
