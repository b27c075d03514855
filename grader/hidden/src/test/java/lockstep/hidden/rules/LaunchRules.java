package lockstep.hidden.rules;

import java.util.List;

/** The synchronization rules of task {@code launch}, as values; the titles are the graded tests' display names. */
final class LaunchRules {

    static final String STARTS_AND_JOINS = "Launcher.runAll and Launcher.demo start their threads and wait for them"
            + " to end";
    static final String NEVER_CALLS_RUN = "Launcher runs its threads through start(), never by calling run() on a"
            + " Thread";

    private static final String LAUNCHER = "Launcher";

    private LaunchRules() {
    }

    static Rule startsAndJoins() {
        return new Rule(STARTS_AND_JOINS, "a task runs at the same time as the others only on a thread of its own"
                + " that start() launched, and runAll and demo may return only once every thread they started has"
                + " ended", List.of(LAUNCHER),
                List.of(ThreadCalls.startsAndJoins(LAUNCHER, "runAll"), ThreadCalls.startsAndJoins(LAUNCHER, "demo")));
    }

    static Rule neverCallsRun() {
        return new Rule(NEVER_CALLS_RUN, "run() runs the task on the calling thread, so nothing would happen at the"
                + " same time", List.of(LAUNCHER),
                List.of(ThreadCalls.startsSomewhere(LAUNCHER), ThreadCalls.neverCallsRun(LAUNCHER)));
    }
}
