package lockstep.grade;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds up the wall time of each grading stage, for the result's environment and the benchmark. */
final class Stopwatch {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** A stage's work, which may throw what grading throws. */
    interface Stage<T> {
        T run() throws IOException, InterruptedException;
    }

    <T> T time(String stage, Stage<T> work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            nanos.merge(stage, System.nanoTime() - start, Long::sum);
        }
    }

    /** Each stage's total as {@code time_<stage>_ms}. */
    Map<String, String> millis() {
        Map<String, String> millis = new LinkedHashMap<>();
        nanos.forEach((stage, total) -> millis.put("time_" + stage + "_ms", String.valueOf(total / 1_000_000)));
        return millis;
    }
}
