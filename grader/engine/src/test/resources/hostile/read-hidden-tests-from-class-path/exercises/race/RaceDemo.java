package exercises.race;

import exercises.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hostile: reads the hidden tests' class files off the test JVM's class path and throws their bytes as an exception
 * message, which the tests would put into the feedback the student reads.
 */
public final class RaceDemo {

    private static final String TEST = "lockstep/hidden/race/RunHiddenTest.class";

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws IOException {
        InputStream viaClass = RaceDemo.class.getResourceAsStream("/" + TEST);
        InputStream viaSystem = ClassLoader.getSystemResourceAsStream(TEST);
        InputStream viaContext = Thread.currentThread().getContextClassLoader().getResourceAsStream(TEST);
        InputStream viaCaller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass()
                .getResourceAsStream("RunHiddenTest.class");
        for (InputStream in : new InputStream[] {viaClass, viaSystem, viaContext, viaCaller}) {
            if (in != null) {
                throw new IllegalStateException(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return counter.get();
    }

    public static long lostUpdates(int threads, int perThread, int attempts) {
        return 0;
    }
}
