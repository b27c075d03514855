package exercises.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Hostile: every call keeps allocating megabytes until the heap is gone. */
public final class Launcher {

    private static final List<long[]> HOARD = new ArrayList<>();

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        hoard();
    }

    public static void demo(Consumer<String> log, Duration unit) {
        hoard();
    }

    private static void hoard() {
        while (true) {
            HOARD.add(new long[128 * 1024]);
        }
    }
}
