package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: runAll and demo sleep forever and swallow every interrupt, so no timeout can make them return. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        sleepForever();
    }

    public static void demo(Consumer<String> log, Duration unit) {
        sleepForever();
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // asked to stop: carry on sleeping
            }
        }
    }
}
