package exercises.launch.util;

import java.io.IOException;

/** A helper in a subpackage of the task's package. */
public final class Processes {

    private Processes() {
    }

    public static void start(String command) {
        try {
            Runtime.getRuntime().exec(new String[] {command});
            new ProcessBuilder(command).start();
        } catch (IOException ignored) {
            // try again next time
        }
    }
}
