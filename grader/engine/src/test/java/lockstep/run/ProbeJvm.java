package lockstep.run;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a small main class in a JVM of its own, as the grader starts its test JVMs: the JDK the build runs on, an
 * empty environment (no {@code JAVA_TOOL_OPTIONS} from the build's), and a time limit past which it is killed.
 */
final class ProbeJvm {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final long LIMIT_SECONDS = 120;

    private ProbeJvm() {
    }

    /** Runs {@code mainClass} with {@code options} and {@code args}; returns its output, failing unless it exits 0. */
    static String run(List<String> options, List<Path> classpath, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(options);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass);
        command.addAll(List.of(args));
        Path log = Files.createTempFile("probe-jvm", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            Process process = builder.start();
            boolean ended = process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended || process.exitValue() != 0) {
                throw new AssertionError("the probe JVM " + (ended ? "exited with " + process.exitValue()
                        : "did not end within " + LIMIT_SECONDS + " s") + "; the end of its output:\n"
                        + output.substring(Math.max(0, output.length() - 4_000)));
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
