package lockstep.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits one task's test JVM runs under.
 *
 * @param javaHome     the JDK that runs the tests (may differ from the grader's own)
 * @param wallClock    the whole task's time limit; past it the JVM is dumped and killed
 * @param testTimeout  one test's limit; past it the test fails as timed out and its threads are abandoned
 * @param heapMb       the test JVM's maximum heap
 * @param outputBytes  how much of the test JVM's output is kept; the rest is counted and dropped
 */
public record RunLimits(Path javaHome, Duration wallClock, Duration testTimeout, int heapMb, int outputBytes) {

    public RunLimits {
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(testTimeout, "testTimeout");
    }

    /** The defaults: this JVM's JDK, 180 s per task, 30 s per test, 512 MB heap, 64 KiB of output. */
    public static RunLimits defaults() {
        return new RunLimits(Path.of(System.getProperty("java.home")), Duration.ofSeconds(180),
                Duration.ofSeconds(30), 512, 64 * 1024);
    }

    public RunLimits withJavaHome(Path home) {
        return new RunLimits(home, wallClock, testTimeout, heapMb, outputBytes);
    }

    public RunLimits withWallClock(Duration limit) {
        return new RunLimits(javaHome, limit, testTimeout, heapMb, outputBytes);
    }

    public RunLimits withTestTimeout(Duration limit) {
        return new RunLimits(javaHome, wallClock, limit, heapMb, outputBytes);
    }
}
