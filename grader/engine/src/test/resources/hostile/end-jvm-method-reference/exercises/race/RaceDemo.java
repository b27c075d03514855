package exercises.race;

import exercises.Counter;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Hostile: ends the test JVM, or starts other programs, through method references. */
public final class RaceDemo {

    /** Runtime.exec's shape, which java.util.function has no interface for (it throws IOException). */
    interface Exec {
        Process run(String command) throws IOException;
    }

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws IOException {
        IntConsumer exit = System::exit;
        IntConsumer halt = Runtime.getRuntime()::halt;
        Exec exec = Runtime.getRuntime()::exec;
        Function<String[], ProcessBuilder> builder = ProcessBuilder::new;
        if (threads == 7) {
            exit.accept(0);
            halt.accept(0);
            exec.run("sh");
            builder.apply(new String[] {"sh"});
        }
        return counter.get();
    }

    public static long lostUpdates(int threads, int perThread, int attempts) {
        return 0;
    }
}
