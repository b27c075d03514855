package exercises.launch;

import exercises.launch.util.Processes;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: ends the test JVM, or starts other programs, through helper classes that look harmless from here. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        Shutdown.now();
        Processes.start("sh");
    }

    public static void demo(Consumer<String> log, Duration unit) {
        new Shutdown.Later().run();
    }
}
