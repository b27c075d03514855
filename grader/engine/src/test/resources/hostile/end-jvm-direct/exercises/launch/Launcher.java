package exercises.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: ends the test JVM, or starts other programs, with plain calls. */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) throws IOException {
        if (names.isEmpty()) {
            System.exit(0);
        }
        if (tasks.isEmpty()) {
            Runtime.getRuntime().halt(0);
        }
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "echo escaped"});
        new ProcessBuilder("sh", "-c", "echo escaped").start();
    }

    public static void demo(Consumer<String> log, Duration unit) {
    }
}
