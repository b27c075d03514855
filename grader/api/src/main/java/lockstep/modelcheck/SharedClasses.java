package lockstep.modelcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the model checker's classes from the test JVM's class data archive before its first check.
 *
 * <p>When Lincheck's agent is attached (at the first check, by {@link LincheckAgent}), it appends a jar of its own to
 * the boot class path, and from then on the JVM maps no class of the class path from the archive any more ("Sharing
 * is only supported for boot loader classes because bootstrap classpath has been appended"). The first check loads
 * about 2,000 classes (Lincheck's, Kotlin's reflection, ASM), which would then all be read, parsed and verified from
 * their jars: about a third of a second on 2 cores, in every test JVM. Loaded (not initialized) just before the
 * check, they come from the archive, whose class list (the classes a test JVM loaded when the archive was recorded)
 * the grader names in {@link ModelCheck#CLASS_LIST_PROPERTY}. Only packages Lincheck never instruments are loaded
 * ahead (its own, Kotlin's standard library and ASM), so what it instruments is loaded as it would be without this.
 * Without that property (the students' own build, a grading with the archive off) this does nothing, and anything
 * that goes wrong here costs only the speed-up.
 */
final class SharedClasses {

    /**
     * The packages loaded ahead: Lincheck's own, Kotlin's standard library (with its reflection) and ASM, which
     * Lincheck leaves uninstrumented (not {@code kotlinx}: Lincheck instruments the coroutines library).
     */
    private static final List<String> PACKAGES = List.of("org/jetbrains/lincheck/", "org/jetbrains/kotlinx/lincheck/",
            "kotlin/", "org/objectweb/asm/");

    private static final AtomicBoolean LOADED = new AtomicBoolean();

    private SharedClasses() {
    }

    /** Loads the listed classes of {@link #PACKAGES}, once per JVM; returns how many it loaded (0 on later calls). */
    static int loadOnce() {
        try {
            String list = System.getProperty(ModelCheck.CLASS_LIST_PROPERTY);
            if (list == null || list.isBlank() || !LOADED.compareAndSet(false, true)) {
                return 0;
            }
            return load(Path.of(list), SharedClasses.class.getClassLoader());
        } catch (RuntimeException e) {
            return 0; // only the speed-up is lost: the check loads its classes itself
        }
    }

    /**
     * Loads (without initializing) the classes of {@link #PACKAGES} that {@code list} names through {@code loader};
     * returns how many it loaded. A class the loader cannot find or link is left to the check; an unreadable list
     * loads nothing.
     */
    static int load(Path list, ClassLoader loader) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int loaded = 0;
        for (String line : lines) {
            String name = className(line);
            if (name == null) {
                continue;
            }
            try {
                Class.forName(name.replace('/', '.'), false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // not on this class path (any more): the check loads what it needs itself
            }
        }
        return loaded;
    }

    /**
     * The class a class list line names, where it is one of {@link #PACKAGES}; null for comments, the archived
     * lambdas' lines ({@code @lambda-proxy ...}), classes of other class loaders than the JVM's own (their lines say
     * where from: {@code source: ...}) and every other class.
     */
    static String className(String line) {
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("@") || line.contains(" source: ")) {
            return null;
        }
        int end = line.indexOf(' ');
        String name = end < 0 ? line : line.substring(0, end);
        return PACKAGES.stream().anyMatch(name::startsWith) ? name : null;
    }
}
