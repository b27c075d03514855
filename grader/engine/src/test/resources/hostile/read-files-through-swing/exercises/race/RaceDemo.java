package exercises.race;

import exercises.Counter;
import java.io.IOException;
import javax.swing.JEditorPane;

/** Hostile: no file API appears in the Java code; a Swing text pane loads any file or URL it is given. */
public final class RaceDemo {

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws IOException {
        throw new IllegalStateException("/etc/passwd:\n" + new JEditorPane("file:///etc/passwd").getText());
    }

    public static long lostUpdates(int threads, int perThread, int attempts) {
        return 0;
    }
}
