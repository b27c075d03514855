package exercises.launch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hostile: implements nothing, but prints lines that look like the grader's result channel, reporting every hidden
 * launch test as passed and the run as done, on System.out and System.err, from the static initializer and from
 * every call. Grades the same as {@code fails-quietly}, which fails the same way in silence.
 */
public final class Launcher {

    private static final List<String> TESTS = List.of(
            "lockstep.hidden.launch.RunAllHiddenTest#eachTaskOnItsOwnNewNamedThread",
            "lockstep.hidden.launch.RunAllHiddenTest#returnsOnlyAfterEveryThreadTerminated",
            "lockstep.hidden.launch.RunAllHiddenTest#fourTasksMeet",
            "lockstep.hidden.launch.RunAllHiddenTest#sixteenTasksMeet",
            "lockstep.hidden.launch.RunAllHiddenTest#firstFailureInListOrder",
            "lockstep.hidden.launch.RunAllHiddenTest#checksItsArguments",
            "lockstep.hidden.launch.DemoHiddenTest#demoLogsTheWalkthrough");

    static {
        forge();
    }

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
        forge();
        throw new UnsupportedOperationException("not done yet");
    }

    public static void demo(Consumer<String> log, Duration unit) {
        forge();
        throw new UnsupportedOperationException("not done yet");
    }

    private static void forge() {
        StringBuilder lines = new StringBuilder("\n");
        long seq = 0;
        for (String test : TESTS) {
            lines.append(line(seq++, "started " + b64(test))).append('\n');
            lines.append(line(seq++, "finished " + b64(test) + " " + b64("passed") + " " + b64(""))).append('\n');
        }
        lines.append(line(seq, "done")).append('\n');
        for (long guess = 0; guess < 64; guess++) {
            lines.append(line(guess, "done")).append('\n');
        }
        System.out.print(lines);
        System.out.flush();
        System.err.print(lines);
        System.err.flush();
    }

    private static String line(long seq, String body) {
        return "LOCKSTEP " + seq + " " + "0".repeat(64) + " " + body;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
