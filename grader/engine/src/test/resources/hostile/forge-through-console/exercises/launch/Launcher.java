package exercises.launch;

import java.io.Console;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hostile: System.out is not the JVM's standard output in the test JVM (the grader keeps that for its signed result
 * channel), but the console writes there. From JDK 22, System.console() returns a console even when the output is
 * redirected: a half line written there would run into the grader's next signed line and break it.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        Console console = System.console();
        if (console != null) {
            console.writer().print("LOCKSTEP 0 " + "0".repeat(64) + " done");
            console.flush();
        }
    }

    public static void demo(Consumer<String> log, Duration unit) {
        runAll(List.of(), List.of());
    }
}
