package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: the class never finishes initializing; every thread that touches it waits for it, uninterruptibly. */
public final class Launcher {

    private static long spins;

    static {
        while (spins >= 0) {
            spins = (spins + 1) & Long.MAX_VALUE;
        }
    }

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
    }

    public static void demo(Consumer<String> log, Duration unit) {
    }
}
