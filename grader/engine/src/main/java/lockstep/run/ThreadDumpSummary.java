package lockstep.run;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What the threads of the test JVM are doing, in a student's terms: the deadlocked threads with the locks they hold
 * and want, and where every other thread running the assignment's code is stuck. Taken in the test JVM when a test
 * times out and when the grader asks before it kills a hung JVM.
 */
final class ThreadDumpSummary {

    private ThreadDumpSummary() {
    }

    /** The summary of the current JVM's threads; empty when no thread runs the assignment's code. */
    static String take() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        List<String> lines = new ArrayList<>();
        if (deadlocked != null && deadlocked.length > 0) {
            List<String> cycle = new ArrayList<>();
            for (ThreadInfo info : threads.getThreadInfo(deadlocked, true, true)) {
                if (info != null) {
                    cycle.add(describeDeadlocked(info));
                }
            }
            lines.add("deadlock: " + String.join("; ", cycle));
        }
        for (ThreadInfo info : threads.dumpAllThreads(true, true)) {
            if (info == null || contains(deadlocked, info.getThreadId())) {
                continue;
            }
            StackTraceElement where = studentFrame(info.getStackTrace());
            if (where != null) {
                lines.add("\"" + info.getThreadName() + "\" is " + state(info) + " at " + where);
            }
        }
        return String.join("\n", lines);
    }

    private static String describeDeadlocked(ThreadInfo info) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            held.add(name(monitor));
        }
        for (LockInfo lock : info.getLockedSynchronizers()) {
            held.add(name(lock));
        }
        StackTraceElement where = studentFrame(info.getStackTrace());
        return "\"" + info.getThreadName() + "\" holds " + (held.isEmpty() ? "no lock" : String.join(" and ", held))
                + " and waits for " + (info.getLockInfo() == null ? "a lock" : name(info.getLockInfo()))
                + (info.getLockOwnerName() == null ? "" : " (held by \"" + info.getLockOwnerName() + "\")")
                + (where == null ? "" : " at " + where);
    }

    private static String state(ThreadInfo info) {
        return switch (info.getThreadState()) {
            case BLOCKED -> "blocked on " + (info.getLockInfo() == null ? "a monitor" : name(info.getLockInfo()));
            case WAITING, TIMED_WAITING -> "waiting" + (info.getLockInfo() == null ? "" : " on " + name(info.getLockInfo()));
            case RUNNABLE -> "running (an endless loop?)";
            default -> info.getThreadState().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String name(LockInfo lock) {
        String className = lock.getClassName();
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.')
                + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static StackTraceElement studentFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("exercises.")) {
                return frame;
            }
        }
        return null;
    }

    private static boolean contains(long[] ids, long id) {
        if (ids != null) {
            for (long each : ids) {
                if (each == id) {
                    return true;
                }
            }
        }
        return false;
    }
}
