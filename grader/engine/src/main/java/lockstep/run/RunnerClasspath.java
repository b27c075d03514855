package lockstep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path of the test JVM's own code: the grader's classes (its jar, or its classes folder in a build) and
 * every library in the {@code lib} folder beside them (the JUnit Platform, Jupiter, ArchUnit, Lincheck, the Lockstep
 * API...). The build copies the runtime libraries there before the grader's own tests run and when it packages the
 * runnable jar, so the test JVM sees the same libraries in both. The libraries come first and the grader's own
 * classes after them: the test JVM's {@link ClassDataArchive} holds the libraries, and an archive is only used by a
 * JVM whose class path begins with the jars it was dumped from.
 */
final class RunnerClasspath {

    private RunnerClasspath() {
    }

    /** The entries, in a stable order: {@link #libraries()}, then the grader's own classes. */
    static List<Path> entries() {
        List<Path> entries = new ArrayList<>(libraries());
        entries.add(graderLocation());
        return List.copyOf(entries);
    }

    /** The library jars, sorted by name. */
    static List<Path> libraries() {
        Path lib = besideGrader("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("the grader's libraries are missing from " + lib
                    + ": build the grader with ./mvnw package");
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of the grader's own beside its classes (in its build, {@code target/<name>}), for files it makes. */
    static Path besideGrader(String name) {
        return graderLocation().resolveSibling(name);
    }

    private static Path graderLocation() {
        try {
            return Path.of(ForkedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the grader's classes are", e);
        }
    }
}
