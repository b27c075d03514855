package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hostile: throws exceptions whose message is 20 million characters long. The tests put what the code threw into
 * their feedback, so the message travels over the result channel into the grade, unless something bounds it.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        throw new IllegalStateException("x".repeat(20_000_000));
    }

    public static void demo(Consumer<String> log, Duration unit) {
        log.accept("y".repeat(20_000_000));
        throw new IllegalStateException("x".repeat(20_000_000));
    }
}
