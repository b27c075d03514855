package lockstep.stress;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why some threads did not finish: a deadlock (a cycle of threads, each waiting for a lock the next one holds,
 * found with {@link ThreadMXBean#findDeadlockedThreads()}) or a hang without a cycle (threads waiting, sleeping or
 * looping). Names every thread, what it holds and waits for, and where it is in the code under test. Reads thread
 * states only: no method of the locks or of the code under test is called, so a broken lock cannot break the
 * diagnosis.
 *
 * @param deadlock whether the stuck threads form at least one lock cycle
 * @param summary  one line, such as {@code deadlock: "transfer-1" holds Account[a] and waits for Account[b]; ...}
 * @param details  one line per stuck thread (state and top frame of the code under test), {@code \n}-separated
 */
public record HangDiagnosis(boolean deadlock, String summary, String details) {

    /** Where the code under test lives: its frames are the ones a student can act on. */
    static final String STUDENT_PACKAGE = "exercises.";

    private static final int MOST_THREADS_LISTED = 8;

    /**
     * Diagnoses {@code stuck}, the threads that did not finish; threads that ended meanwhile are left out.
     *
     * @param lockLabels names for objects a thread may lock, such as {@code "Account[a]" -> a} (by identity)
     */
    public static HangDiagnosis of(Collection<Thread> stuck, Map<String, Object> lockLabels) {
        Map<Long, Thread> ours = aliveById(stuck);
        try {
            return diagnose(ours, lockLabels);
        } catch (RuntimeException | LinkageError e) {
            // No thread management here (a sandbox may deny it): say where the threads are, without lock details.
            return withoutLockDetails(ours.values());
        }
    }

    /**
     * Whether some of {@code threads} are in a lock cycle that can never break: every thread in the cycle waits
     * without a timeout ({@code BLOCKED} on a monitor, or {@code WAITING} to acquire a lock its neighbour holds).
     * Such a cycle is a deadlock now, whatever the deadline; a thread in {@code tryLock(timeout)} waits with a
     * timeout and is never counted, so back-off code is not mistaken for a deadlock. False where thread management
     * is unavailable.
     */
    static boolean permanentCycle(Collection<Thread> threads) {
        Map<Long, Thread> ours = aliveById(threads);
        if (ours.size() < 2) {
            return false;
        }
        try {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, ThreadInfo> byId = new HashMap<>();
            for (ThreadInfo info : mx.getThreadInfo(ours.keySet().stream().mapToLong(Long::longValue).toArray())) {
                if (info != null) {
                    byId.put(info.getThreadId(), info);
                }
            }
            return cycles(ours.keySet(), byId).stream().anyMatch(cycle -> cycle.stream().allMatch(
                    info -> info.getThreadState() == Thread.State.BLOCKED
                            || info.getThreadState() == Thread.State.WAITING));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The threads of {@code threads} still alive, by id, in their order. */
    private static Map<Long, Thread> aliveById(Collection<Thread> threads) {
        Map<Long, Thread> alive = new LinkedHashMap<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive.put(thread.getId(), thread);
            }
        }
        return alive;
    }

    private static HangDiagnosis diagnose(Map<Long, Thread> ours, Map<String, Object> lockLabels) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] deadlocked = mx.isSynchronizerUsageSupported()
                ? mx.findDeadlockedThreads() : mx.findMonitorDeadlockedThreads();
        Set<Long> ids = new LinkedHashSet<>(ours.keySet());
        if (deadlocked != null) {
            for (long id : deadlocked) {
                ids.add(id);
            }
        }
        ThreadInfo[] infos = mx.getThreadInfo(ids.stream().mapToLong(Long::longValue).toArray(),
                mx.isObjectMonitorUsageSupported(), mx.isSynchronizerUsageSupported());
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        LockNames names = new LockNames(lockLabels);
        List<List<ThreadInfo>> cycles = cycles(ours.keySet(), byId);
        String details = details(ours.keySet(), byId, names);
        if (!cycles.isEmpty()) {
            return new HangDiagnosis(true, deadlockSummary(cycles, ours.keySet(), names), details);
        }
        return new HangDiagnosis(false, hangSummary(ours.keySet(), byId), details);
    }

    private static HangDiagnosis withoutLockDetails(Collection<Thread> threads) {
        List<String> where = new ArrayList<>();
        for (Thread thread : threads) {
            StackTraceElement frame = topFrame(thread.getStackTrace());
            where.add(quote(thread.getName()) + " " + thread.getState() + (frame == null ? "" : " at " + describe(frame)));
        }
        return new HangDiagnosis(false, "hang: " + threads.size() + (threads.size() == 1 ? " thread" : " threads")
                + " never finished (lock details unavailable): " + String.join("; ", where), "");
    }

    /** The lock cycles that hold at least one of {@code ours}, each starting at the first of ours in it. */
    private static List<List<ThreadInfo>> cycles(Set<Long> ours, Map<Long, ThreadInfo> byId) {
        List<List<ThreadInfo>> cycles = new ArrayList<>();
        Set<Long> inCycle = new LinkedHashSet<>();
        for (long start : ours) {
            if (inCycle.contains(start)) {
                continue;
            }
            List<Long> path = new ArrayList<>();
            long current = start;
            while (current != -1 && byId.containsKey(current) && !path.contains(current)) {
                path.add(current);
                current = byId.get(current).getLockOwnerId();
            }
            if (current == -1 || !path.contains(current) || inCycle.contains(current)) {
                continue;
            }
            List<Long> cycle = path.subList(path.indexOf(current), path.size());
            long first = cycle.stream().filter(ours::contains).findFirst().orElse(cycle.get(0));
            List<ThreadInfo> ordered = new ArrayList<>();
            int at = cycle.indexOf(first);
            for (int i = 0; i < cycle.size(); i++) {
                ordered.add(byId.get(cycle.get((at + i) % cycle.size())));
            }
            inCycle.addAll(cycle);
            cycles.add(ordered);
        }
        return cycles;
    }

    private static String deadlockSummary(List<List<ThreadInfo>> cycles, Set<Long> ours, LockNames names) {
        StringBuilder text = new StringBuilder("deadlock: ");
        Set<Long> inCycles = new LinkedHashSet<>();
        for (int c = 0; c < cycles.size(); c++) {
            if (c > 0) {
                text.append(" | another cycle: ");
            }
            List<String> links = new ArrayList<>();
            for (ThreadInfo info : cycles.get(c)) {
                inCycles.add(info.getThreadId());
                links.add(quote(info.getThreadName()) + " holds " + held(info, names)
                        + " and waits for " + names.describe(info.getLockInfo(), info.getLockOwnerName()));
            }
            text.append(String.join("; ", links));
        }
        long behind = ours.stream().filter(id -> !inCycles.contains(id)).count();
        if (behind > 0) {
            text.append(" (").append(behind).append(behind == 1 ? " more thread" : " more threads")
                    .append(" stuck behind them)");
        }
        return text.toString();
    }

    private static String hangSummary(Set<Long> ours, Map<Long, ThreadInfo> byId) {
        List<String> where = new ArrayList<>();
        int listed = 0;
        for (long id : ours) {
            ThreadInfo info = byId.get(id);
            if (info == null) {
                continue;
            }
            if (listed++ == MOST_THREADS_LISTED) {
                where.add("...");
                break;
            }
            StackTraceElement frame = topFrame(info.getStackTrace());
            where.add(quote(info.getThreadName()) + " " + info.getThreadState()
                    + (frame == null ? "" : " at " + describe(frame)));
        }
        return "hang: " + ours.size() + (ours.size() == 1 ? " thread" : " threads")
                + " never finished, with no lock cycle among them: " + String.join("; ", where);
    }

    private static String details(Set<Long> ours, Map<Long, ThreadInfo> byId, LockNames names) {
        List<String> lines = new ArrayList<>();
        for (long id : ours) {
            ThreadInfo info = byId.get(id);
            if (info == null) {
                continue;
            }
            if (lines.size() == MOST_THREADS_LISTED) {
                lines.add("  ... and " + (ours.size() - MOST_THREADS_LISTED) + " more");
                break;
            }
            StringBuilder line = new StringBuilder("  ").append(quote(info.getThreadName()))
                    .append(' ').append(info.getThreadState());
            if (info.getLockInfo() != null) {
                line.append(" for ").append(names.describe(info.getLockInfo(), info.getLockOwnerName()));
                if (info.getLockOwnerName() != null) {
                    line.append(" held by ").append(quote(info.getLockOwnerName()));
                }
            }
            StackTraceElement frame = topFrame(info.getStackTrace());
            if (frame != null) {
                line.append(" at ").append(describe(frame));
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    private static String held(ThreadInfo info, LockNames names) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            held.add(names.describe(monitor, info.getThreadName()));
        }
        for (LockInfo synchronizer : info.getLockedSynchronizers()) {
            held.add(names.describe(synchronizer, info.getThreadName()));
        }
        return held.isEmpty() ? "no lock" : held.stream().distinct().collect(Collectors.joining(", "));
    }

    /** The first frame of the code under test; else the first frame outside the JDK; else the top frame. */
    static StackTraceElement topFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(STUDENT_PACKAGE)) {
                return frame;
            }
        }
        for (StackTraceElement frame : stack) {
            if (!isJdk(frame.getClassName())) {
                return frame;
            }
        }
        return stack.length == 0 ? null : stack[0];
    }

    /** {@code exercises.locks.Bank.transfer(Bank.java:42)}, without class loader or module prefixes. */
    static String describe(StackTraceElement frame) {
        String where = frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}
