package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hostile: leaves a non-daemon thread behind, then throws an OutOfMemoryError of its own. JUnit treats that error as
 * fatal and lets it end the whole run, and the stray thread alone would keep the test JVM alive.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        leaveThreadBehindAndThrow();
    }

    public static void demo(Consumer<String> log, Duration unit) {
        leaveThreadBehindAndThrow();
    }

    private static void leaveThreadBehindAndThrow() {
        Thread stray = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // not stopping
                }
            }
        }, "left-behind");
        stray.start();
        throw new OutOfMemoryError("not really: thrown by the submission");
    }
}
