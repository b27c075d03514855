package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** Test submission: runAll never returns and ignores interrupts. */
public final class Launcher {

    private static volatile long spins;

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks)
            throws InterruptedException, ExecutionException {
        while (true) {
            spins++;
        }
    }

    public static void demo(Consumer<String> log, Duration unit) throws InterruptedException {
        while (true) {
            spins++;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        demo(System.out::println, Duration.ofSeconds(1));
    }
}
