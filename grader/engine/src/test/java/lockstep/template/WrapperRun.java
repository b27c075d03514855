package lockstep.template;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One run of a project's Maven Wrapper as a student runs it, with the JDK that runs this test: its output goes to a
 * log file (never into this JVM's memory unbounded), and a run past its time limit is killed with its children.
 *
 * @param exitCode the wrapper's exit code
 * @param log      the file holding the run's output, standard error included
 * @param output   the log's first {@link #MAX_OUTPUT} bytes, as text
 */
record WrapperRun(int exitCode, Path log, String output) {

    static final int MAX_OUTPUT = 4 * 1024 * 1024;

    /** Runs {@code ./mvnw ARGS} in {@code project}, writing its output to {@code log}. */
    static WrapperRun run(Path project, Path log, Duration limit, String... args)
            throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new java.util.ArrayList<>(List.of(windows ? "mvnw.cmd" : "./mvnw"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail(command + " in " + project + " took longer than " + limit + "; its output ends:\n" + tail(log));
        }
        return new WrapperRun(process.exitValue(), log, head(log));
    }

    /** The last lines of the output, for a failure message. */
    String tail() throws IOException {
        return tail(log);
    }

    private static String head(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Arrays.asList(head(log).split("\n"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
