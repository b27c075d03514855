package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: throws an Error, which code is not supposed to catch, from both methods. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        throw new Error("the launcher gave up");
    }

    public static void demo(Consumer<String> log, Duration unit) {
        throw new Error("the demo gave up");
    }
}
