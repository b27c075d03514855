package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: throws ThreadDeath, the error Thread.stop used to deliver, which handlers traditionally swallow. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        throw new ThreadDeath();
    }

    public static void demo(Consumer<String> log, Duration unit) {
        throw new ThreadDeath();
    }
}
