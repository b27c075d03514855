package exercises;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What threads that did not end in time are doing: where each one is in your code, which lock it waits for and who
 * holds it, and whether they are deadlocked. The first line is the summary a score table shows.
 */
final class StuckThreadReport {

    /** Threads already reported by an earlier test: they stay stuck, and are left out of later reports. */
    private static final Set<Thread> REPORTED = ConcurrentHashMap.newKeySet();

    private StuckThreadReport() {
    }

    /** The report on {@code stuck}, a part of {@code total} threads, plus the threads your code started from them. */
    static String of(List<Thread> stuck, int total) {
        Set<Thread> involved = new LinkedHashSet<>(stuck);
        involved.addAll(threadsInStudentCode());
        involved.removeAll(REPORTED);
        involved.addAll(stuck);
        REPORTED.addAll(involved);
        try {
            return describe(stuck, total, involved);
        } catch (RuntimeException | LinkageError unavailable) {
            // Thread monitoring can be unavailable (for example in a sandbox): the names still help.
            return stuck.size() + " of " + total + " threads still running: "
                    + stuck.stream().map(t -> "'" + t.getName() + "'").toList();
        }
    }

    private static String describe(List<Thread> stuck, int total, Set<Thread> involved) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = involved.stream().mapToLong(Thread::getId).toArray();
        ThreadInfo[] infos = threads.getThreadInfo(ids, true, true);
        long[] deadlocked = threads.findDeadlockedThreads();
        List<String> lines = new ArrayList<>();
        List<String> cycle = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue; // ended meanwhile
            }
            lines.add(" - " + line(info));
            if (deadlocked != null && Arrays.stream(deadlocked).anyMatch(id -> id == info.getThreadId())) {
                cycle.add("'" + info.getThreadName() + "'");
            }
        }
        String summary = cycle.isEmpty()
                ? stuck.size() + " of " + total + " threads still running (waiting for something that never happens,"
                        + " or an endless loop)"
                : "deadlock: " + String.join(" and ", cycle) + " each wait for a lock that another one holds"
                        + " (take the locks in one global order)";
        return summary + "\n" + String.join("\n", lines);
    }

    private static String line(ThreadInfo info) {
        StringBuilder line = new StringBuilder("'").append(info.getThreadName()).append("' is ")
                .append(info.getThreadState());
        StackTraceElement where = whereInStudentCode(info.getStackTrace());
        if (where != null) {
            line.append(" in ").append(where.getClassName()).append('.').append(where.getMethodName())
                    .append('(').append(where.getFileName()).append(':').append(where.getLineNumber()).append(')');
        }
        if (info.getLockName() != null) {
            line.append(", waiting for ").append(info.getLockName());
            if (info.getLockOwnerName() != null) {
                line.append(" held by '").append(info.getLockOwnerName()).append("'");
            }
        }
        return line.toString();
    }

    /** Live threads, other than the tests' own, that are running code of the assignment. */
    private static List<Thread> threadsInStudentCode() {
        List<Thread> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (whereInStudentCode(entry.getValue()) != null) {
                found.add(entry.getKey());
            }
        }
        return found;
    }

    /** The innermost frame in the assignment's classes (package {@code exercises}), not in the tests. */
    static StackTraceElement whereInStudentCode(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("exercises.") && !isTestCode(frame.getClassName())) {
                return frame;
            }
        }
        return null;
    }

    private static boolean isTestCode(String className) {
        try {
            Class<?> type = Class.forName(className, false, StuckThreadReport.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            CodeSource tests = StuckThreadReport.class.getProtectionDomain().getCodeSource();
            if (source != null && tests != null) {
                return source.getLocation().equals(tests.getLocation());
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException unknown) {
            // decide by the name below
        }
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return topLevel.endsWith("Test") || topLevel.equals(TestThreads.class.getName());
    }
}
