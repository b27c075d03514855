package exercises.race;

import exercises.Counter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Hostile: no file API appears in the Java code. java.util.logging, configured from a string, opens a log file of any
 * name and writes what is logged into it: here a forged result beside the grader's.
 */
public final class UnsafeCounter implements Counter {

    static {
        String configuration = "handlers=java.util.logging.FileHandler\n"
                + "java.util.logging.FileHandler.pattern=../../result.json\n"
                + "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter\n"
                + "java.util.logging.SimpleFormatter.format=%5$s%n\n";
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(configuration.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException ignored) {
            // no log file, then
        }
        Logger.getLogger("forger").severe("{\"score\": 92, \"max_score\": 92}");
    }

    private long count;

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
