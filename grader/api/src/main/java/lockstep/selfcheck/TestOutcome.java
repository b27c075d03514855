package lockstep.selfcheck;

import java.util.concurrent.TimeoutException;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.AssertionFailedError;

/**
 * Turns a JUnit test outcome into a {@link TestResult}: the status (failed assertion, error thrown by the code under
 * test, timeout) and the message a student reads. Shared by the self-check and the grader's test JVM.
 */
public final class TestOutcome {

    private TestOutcome() {
    }

    /** The id of a test: its class's simple name and its method name. */
    public static String id(TestIdentifier test) {
        String unique = test.getLegacyReportingName();
        return test.getSource()
                .filter(s -> s instanceof org.junit.platform.engine.support.descriptor.MethodSource)
                .map(s -> (org.junit.platform.engine.support.descriptor.MethodSource) s)
                .map(m -> simpleName(m.getClassName()) + "." + m.getMethodName())
                .orElse(unique);
    }

    /** The outcome of a finished test worth {@code points}. */
    public static TestResult of(TestIdentifier test, int points, TestExecutionResult result) {
        return TestResult.of(id(test), test.getDisplayName(), points, status(result), message(result));
    }

    /** Passed; inconclusive where the test aborted (it could not tell on this machine); else by the cause. */
    public static TestStatus status(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> TestStatus.PASSED;
            case ABORTED -> TestStatus.INCONCLUSIVE;
            case FAILED -> status(result.getThrowable().orElse(null));
        };
    }

    /** The student-facing message of a finished test: empty when it passed. */
    public static String message(TestExecutionResult result) {
        Throwable cause = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "";
            case ABORTED -> cause == null || cause.getMessage() == null ? "inconclusive on this machine"
                    : cause.getMessage();
            case FAILED -> message(cause);
        };
    }

    /** The outcome of a test that was skipped: not run, never a pass. */
    public static TestResult skipped(TestIdentifier test, int points, String reason) {
        return TestResult.of(id(test), test.getDisplayName(), points, TestStatus.NOT_RUN,
                "skipped: " + (reason == null ? "no reason given" : reason));
    }

    /** Failed for an assertion, timeout for a JUnit timeout, error for anything the code under test threw. */
    public static TestStatus status(Throwable cause) {
        if (cause == null || cause instanceof AssertionError) {
            return TestStatus.FAILED;
        }
        if (cause instanceof TimeoutException) {
            return TestStatus.TIMEOUT;
        }
        return TestStatus.ERROR;
    }

    /** The student-facing message: an assertion's own text, or what the code threw and where. */
    public static String message(Throwable cause) {
        if (cause == null) {
            return "failed without a reason";
        }
        if (cause instanceof AssertionFailedError || cause instanceof AssertionError) {
            String text = cause.getMessage();
            return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
        }
        if (cause instanceof TimeoutException) {
            return "did not finish in time: " + cause.getMessage()
                    + " (a thread never returns: look for a deadlock, a lost wake-up or an endless loop)";
        }
        StringBuilder text = new StringBuilder("your code threw ").append(cause);
        StackTraceElement where = firstStudentFrame(cause);
        if (where != null) {
            text.append("\n    at ").append(where);
        }
        return text.toString();
    }

    /** The first stack frame in the assignment's code ({@code exercises.*}): the likely problem location. */
    static StackTraceElement firstStudentFrame(Throwable cause) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (frame.getClassName().startsWith("exercises.")) {
                return frame;
            }
        }
        return null;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
