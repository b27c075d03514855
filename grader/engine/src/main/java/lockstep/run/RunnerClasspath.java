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
 * runnable jar, so the test JVM sees the same libraries in both.
 */
final class RunnerClasspath {

    private RunnerClasspath() {
    }

    /** The entries, in a stable order. */
    static List<Path> entries() {
        Path grader = graderLocation();
        Path lib = grader.resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("the grader's libraries are missing from " + lib
                    + ": build the grader with ./mvnw package");
        }
        List<Path> entries = new ArrayList<>();
        entries.add(grader);
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }

    private static Path graderLocation() {
        try {
            return Path.of(ForkedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the grader's classes are", e);
        }
    }
}
