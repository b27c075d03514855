package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: endless recursion in both methods. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        runAll(names, tasks);
    }

    public static void demo(Consumer<String> log, Duration unit) {
        demo(log, unit);
    }
}
