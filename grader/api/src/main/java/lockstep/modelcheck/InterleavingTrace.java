package lockstep.modelcheck;

/**
 * Trims Lincheck's report to what a student needs: what went wrong, and the table of the interleaving that leads
 * to it (which thread read what, which write was lost). The detailed trace after it is left out.
 */
final class InterleavingTrace {

    static final String INTERLEAVING = "The following interleaving leads to the error:";
    static final String DETAILED = "Detailed trace:";

    static final String HUNG = "Concurrent test has hung";
    static final String REPORT_HEADING = "= Concurrent test";
    static final String DEADLOCK = "in deadlock";
    private static final java.util.regex.Pattern TIMED_WAIT = java.util.regex.Pattern.compile(
            "tryLock\\([^)]*(NANOSECONDS|MICROSECONDS|MILLISECONDS|SECONDS)|tryLockNanos|parkNanos|await\\([^)]+\\)");

    private InterleavingTrace() {
    }

    /**
     * Whether {@code failure} is Lincheck's report of a failing interleaving (its {@code LincheckAssertionError}, or
     * a message with its report's headings), not an error of Lincheck's own such as the index-out-of-bounds errors
     * it throws now and then while it collects a trace.
     */
    static boolean isReport(Throwable failure) {
        String report = failure.getMessage() == null ? "" : failure.getMessage();
        return failure instanceof org.jetbrains.lincheck.LincheckAssertionError || report.contains(REPORT_HEADING)
                || report.contains(INTERLEAVING);
    }

    /**
     * Whether Lincheck's report is a hang without a deadlock in code that waits with a timeout ({@code tryLock} with
     * a timeout, a timed {@code await}): the model checker does not model time, so it takes timed back-off for a
     * thread that may spin for ever, while on real threads every timeout ends. Such a report proves nothing.
     */
    static boolean timedWaitHang(Throwable failure) {
        String report = failure.getMessage() == null ? "" : failure.getMessage();
        return report.contains(HUNG) && !report.contains(DEADLOCK) && TIMED_WAIT.matcher(report).find();
    }

    /** The student-facing text of a model-checking failure. */
    static String from(Throwable failure) {
        String report = failure.getMessage() == null ? "" : failure.getMessage();
        int table = report.indexOf(INTERLEAVING);
        if (table < 0) {
            return "the model checker found a failing interleaving: " + report.strip();
        }
        String what = firstLine(report.substring(0, table).replace("= Concurrent test failed =", "").strip());
        int end = report.indexOf(DETAILED, table);
        String interleaving = report.substring(table, end < 0 ? report.length() : end).strip();
        return what + "\n" + interleaving
                + "\n(read the table top to bottom: each row is one step, in the column of the thread that took it; at"
                + " a \"switch\" that thread pauses and the rows below show what the others did meanwhile, so whatever"
                + " it read before the switch may be out of date after it)";
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                // "org.opentest4j.AssertionFailedError: two threads ... ==> expected: <2> but was: <1>"
                return trimmed.replaceFirst("^[\\w.$]+(Error|Exception): ", "");
            }
        }
        return "the check failed";
    }
}
