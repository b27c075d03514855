package lockstep.run;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path of the test JVM's own code: this grader, the JUnit Platform and Jupiter, ArchUnit and the
 * Lockstep API, found where this JVM loaded them from. In the runnable jar that is one jar; in the grader's own
 * tests, the separate jars and folders of the build.
 */
final class RunnerClasspath {

    /** One class from each library the test JVM needs. */
    private static final List<String> MARKERS = List.of(
            "lockstep.run.ForkedMain",
            "lockstep.api.Graded",
            "org.junit.platform.launcher.Launcher",
            "org.junit.platform.engine.TestEngine",
            "org.junit.platform.commons.util.ReflectionUtils",
            "org.junit.jupiter.engine.JupiterTestEngine",
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.opentest4j.AssertionFailedError",
            "org.apiguardian.api.API",
            "org.jspecify.annotations.Nullable",
            "com.tngtech.archunit.core.importer.ClassFileImporter",
            "org.slf4j.LoggerFactory",
            "org.slf4j.nop.NOPServiceProvider");

    private RunnerClasspath() {
    }

    /** The entries, deduplicated, in a stable order. Libraries that are absent are left out. */
    static List<Path> entries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String marker : MARKERS) {
            try {
                CodeSource source = Class.forName(marker, false, RunnerClasspath.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    entries.add(Path.of(source.getLocation().toURI()));
                }
            } catch (ClassNotFoundException | URISyntaxException e) {
                // an optional library (parameterized tests, apiguardian): not needed by every suite
            }
        }
        return List.copyOf(entries);
    }
}
