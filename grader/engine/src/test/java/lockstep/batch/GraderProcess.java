package lockstep.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lockstep.cli.Main;

/**
 * Starts {@code ./grade} ({@link Main}) in a JVM of its own, as a real batch runs: the engine's classes, the
 * libraries the build copies beside them ({@code target/lib}), and the two suites where this JVM finds them (the
 * jars or folders holding {@code META-INF/lockstep/suite.properties}). Works under Surefire, whose class path may
 * be a manifest-only jar, and under {@code exec:java}, whose class path is a class loader's, not the JVM's.
 */
final class GraderProcess {

    private static final String SUITE_MARKER = "META-INF/lockstep/suite.properties";

    /** The JVM options {@code ./grade} starts the grader with ({@code GraderProcessTest} keeps the two in step). */
    static final List<String> GRADE_SCRIPT_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private GraderProcess() {
    }

    /** The instructor repository's root: {@code lockstep.repository}, Maven's project folder, or a parent of here. */
    static Path repository() {
        for (String property : new String[] {"lockstep.repository", "maven.multiModuleProjectDirectory"}) {
            String value = System.getProperty(property);
            if (value != null && Files.isDirectory(Path.of(value, "grader", "samples"))) {
                return Path.of(value).toAbsolutePath().normalize();
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("grader/samples")) && Files.isDirectory(dir.resolve("solutions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root: set -Dlockstep.repository");
    }

    /** Starts {@code java -cp ... lockstep.cli.Main args}, its output going to {@code stdout} and {@code stderr}. */
    static Process start(List<String> args, Path stdout, Path stderr) throws IOException {
        return start(List.of(), args, stdout, stderr);
    }

    /** {@link #start(List, Path, Path)} with {@code jvmOptions} for the grader's JVM, such as system properties. */
    static Process start(List<String> jvmOptions, List<String> args, Path stdout, Path stderr) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(GRADE_SCRIPT_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(Main.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** Waits for {@code process} to end by itself, and kills it (with its test JVMs) if it does not in time. */
    static int await(Process process, Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
            throw new AssertionError("the grader did not finish within " + limit.toSeconds() + " s");
        }
        return process.exitValue();
    }

    /**
     * Kills {@code process} at once (SIGKILL, as an out-of-memory killer or a pulled plug would), then the test JVMs
     * it had started, and waits for all of them to be gone. The grader goes first: killed the other way round, it
     * would see its test JVM crash and record that as the student's result.
     */
    static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> testJvms = process.descendants().toList();
        process.destroyForcibly();
        testJvms.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle testJvm : testJvms) {
            try {
                testJvm.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("test JVM " + testJvm.pid() + " did not end", e);
            }
        }
    }

    /** The engine's classes, its libraries, then every suite this JVM can see. */
    static List<Path> classPath() {
        Path engine = location(Main.class);
        Path lib = engine.resolveSibling("lib");
        List<Path> entries = new ArrayList<>();
        entries.add(engine);
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the grader's libraries are missing from " + lib
                    + ": run the build's process-classes phase first", e);
        }
        entries.addAll(suites());
        return entries;
    }

    private static List<Path> suites() {
        List<Path> suites = new ArrayList<>();
        try {
            for (URL marker : Collections.list(GraderProcess.class.getClassLoader().getResources(SUITE_MARKER))) {
                suites.add(root(marker));
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the suites", e);
        }
        if (suites.isEmpty()) {
            throw new IllegalStateException("no suite on the class path: build starter and grader/hidden first");
        }
        return suites;
    }

    /** The jar or class folder that holds {@code marker}. */
    private static Path root(URL marker) throws IOException, URISyntaxException {
        if ("jar".equals(marker.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            return Path.of(connection.getJarFileURL().toURI());
        }
        // META-INF/lockstep/suite.properties: three levels below the class folder.
        return Path.of(marker.toURI()).getParent().getParent().getParent();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }
}
