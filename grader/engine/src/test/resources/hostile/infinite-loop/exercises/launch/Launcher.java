package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: runAll and demo spin forever on the calling thread, never looking at interrupts. */
public final class Launcher {

    private static long spins;

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        spin();
    }

    public static void demo(Consumer<String> log, Duration unit) {
        spin();
    }

    private static void spin() {
        while (spins >= 0) {
            spins = (spins + 1) & Long.MAX_VALUE;
        }
    }
}
