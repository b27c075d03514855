package exercises;

import static org.junit.jupiter.api.Assertions.fail;

/** Asserts that your code rejects bad arguments with {@link IllegalArgumentException}. */
public final class ArgumentChecks {

    private ArgumentChecks() {
    }

    /**
     * Asserts that {@code call} throws {@link IllegalArgumentException}. An {@link UnsupportedOperationException}
     * (a method that is not written yet) is rethrown as it is, so you read its message.
     *
     * @param call what is called, as a student reads it, for example {@code "runAll([a], [])"}
     */
    public static void assertRejected(String call, TestThreads.Action action) throws Exception {
        try {
            TestThreads.runWithin(call, TestThreads.LIMIT, action);
        } catch (IllegalArgumentException expected) {
            return;
        } catch (UnsupportedOperationException notWrittenYet) {
            throw notWrittenYet;
        } catch (Exception other) {
            fail(call + " should throw IllegalArgumentException, but threw " + other, other);
        }
        fail(call + " should throw IllegalArgumentException, but returned normally");
    }
}
