package lockstep.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The limits the test JVM runs under. The time limits hold for every task, except where {@code taskTimes} gives a
 * task its own: a task known to hang can be stopped within seconds while the tasks graded beside it keep their time.
 *
 * @param javaHome     the JDK that runs the tests (may differ from the grader's own)
 * @param wallClock    a task's time limit, counted from its first test; past it the JVM is dumped and killed
 * @param testTimeout  one test's limit; past it the test fails as timed out and its threads are abandoned
 * @param heapMb       the test JVM's maximum heap
 * @param outputBytes  how much of the test JVM's output is kept; the rest is counted and dropped
 * @param taskTimes    time limits of the tasks that do not take {@code wallClock} and {@code testTimeout}, by task id
 */
public record RunLimits(Path javaHome, Duration wallClock, Duration testTimeout, int heapMb, int outputBytes,
                        Map<String, TaskTime> taskTimes) {

    /**
     * One task's time limits.
     *
     * @param wallClock   the whole task's limit
     * @param testTimeout each of its tests' limit
     */
    public record TaskTime(Duration wallClock, Duration testTimeout) {

        public TaskTime {
            Objects.requireNonNull(wallClock, "wallClock");
            Objects.requireNonNull(testTimeout, "testTimeout");
        }
    }

    public RunLimits {
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(testTimeout, "testTimeout");
        taskTimes = Map.copyOf(taskTimes);
    }

    /** The defaults: this JVM's JDK, 180 s per task, 30 s per test, 512 MB heap, 64 KiB of output. */
    public static RunLimits defaults() {
        return new RunLimits(Path.of(System.getProperty("java.home")), Duration.ofSeconds(180),
                Duration.ofSeconds(30), 512, 64 * 1024, Map.of());
    }

    /** The time limits of {@code task}: its own, or the ones every task has. */
    public TaskTime timeOf(String task) {
        return taskTimes.getOrDefault(task, new TaskTime(wallClock, testTimeout));
    }

    public RunLimits withJavaHome(Path home) {
        return new RunLimits(home, wallClock, testTimeout, heapMb, outputBytes, taskTimes);
    }

    public RunLimits withWallClock(Duration limit) {
        return new RunLimits(javaHome, limit, testTimeout, heapMb, outputBytes, taskTimes);
    }

    public RunLimits withTestTimeout(Duration limit) {
        return new RunLimits(javaHome, wallClock, limit, heapMb, outputBytes, taskTimes);
    }

    public RunLimits withHeapMb(int megabytes) {
        return new RunLimits(javaHome, wallClock, testTimeout, megabytes, outputBytes, taskTimes);
    }

    /** These limits with {@code task} under {@code time} instead of the limits every task has. */
    public RunLimits withTaskTime(String task, TaskTime time) {
        Map<String, TaskTime> times = new LinkedHashMap<>(taskTimes);
        times.put(task, time);
        return new RunLimits(javaHome, wallClock, testTimeout, heapMb, outputBytes, times);
    }
}
