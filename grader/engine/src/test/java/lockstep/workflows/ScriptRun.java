package lockstep.workflows;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command, the way a workflow step runs it: in a folder, with extra environment variables, its standard
 * output and error captured through files (at most {@link #MAX_OUTPUT} bytes of each are kept) and a time limit past
 * which it is killed with its children.
 *
 * @param exitCode the command's exit code
 * @param stdout   what it printed on standard output
 * @param stderr   what it printed on standard error
 */
record ScriptRun(int exitCode, String stdout, String stderr) {

    static final int MAX_OUTPUT = 1024 * 1024;
    static final Path REPO = Path.of(System.getProperty("lockstep.repository", "../..")).toAbsolutePath().normalize();

    /** Runs {@code bash grader/github/SCRIPT ARGS} of the repository in {@code dir}. */
    static ScriptRun script(Path dir, Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash",
                REPO.resolve("grader/github").resolve(script).toString()));
        command.addAll(List.of(args));
        return run(dir, env, Duration.ofMinutes(5), command);
    }

    /** Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment. */
    static ScriptRun run(Path dir, Map<String, String> env, Duration limit, List<String> command)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("script", ".out");
        Path stderr = Files.createTempFile("script", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                fail(command + " took longer than " + limit + ":\n" + read(stdout) + read(stderr));
            }
            return new ScriptRun(process.exitValue(), read(stdout), read(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }

    /** An environment in which git reads no configuration of this machine or user, and commits as a test user. */
    static Map<String, String> isolatedGit(Path home) {
        return Map.of("HOME", home.toString(), "GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null",
                "GIT_AUTHOR_NAME", "Student", "GIT_AUTHOR_EMAIL", "student@example.org",
                "GIT_COMMITTER_NAME", "Student", "GIT_COMMITTER_EMAIL", "student@example.org");
    }
}
