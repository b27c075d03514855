package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.opentest4j.AssertionFailedError;

/**
 * The compiled classes of one task, as the submission holds them: imported with ArchUnit (JDK types stay resolvable
 * from the class path) and read with ASM, from the folder or jar that holds the task's contract classes. Only the
 * task's package (and its subpackages) is imported, never the tests, the grader or another task.
 *
 * <p>Immutable once built, so the graded tests of a task share one import.
 */
final class ClassesOfTask {

    private static final Map<TaskPackage, ClassesOfTask> LOCATED = new ConcurrentHashMap<>();

    private final TaskPackage task;
    private final Map<String, JavaClass> classes = new LinkedHashMap<>();
    private final Map<String, ClassNode> nodes;
    private final Map<String, Boolean> assignable = new ConcurrentHashMap<>();

    private ClassesOfTask(TaskPackage task, JavaClasses imported, Map<String, ClassNode> nodes) {
        this.task = task;
        this.nodes = Map.copyOf(nodes);
        imported.stream().filter(type -> nodes.containsKey(internalName(type.getName())))
                .forEach(type -> classes.put(type.getName(), type));
    }

    /**
     * The classes of {@code task} where the test JVM loads them from: the location of the first contract class of
     * the task that the class path holds (the submission's class folder when grading, the reference in a build).
     */
    static ClassesOfTask located(TaskPackage task) {
        return LOCATED.computeIfAbsent(task, ClassesOfTask::locate);
    }

    /** The classes of {@code task} in {@code location}, a class folder or a jar. */
    static ClassesOfTask importFrom(Path locationAsGiven, TaskPackage task) {
        Path location = locationAsGiven.toAbsolutePath().normalize();
        boolean folder = Files.isDirectory(location);
        Map<String, ClassNode> nodes = folder ? readFolder(location, task) : readJar(location, task);
        URI root = folder ? location.toUri() : URI.create("jar:" + location.toUri() + "!/");
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(where -> inTask(relativePath(where, folder ? location : null), task))
                .importLocations(List.of(Location.of(root)));
        return new ClassesOfTask(task, imported, nodes);
    }

    TaskPackage task() {
        return task;
    }

    /** Every imported class of the task, nested and anonymous ones included. */
    Collection<JavaClass> classes() {
        return classes.values();
    }

    /** The class {@code task.className(simpleName)}; the caller has checked that it is there. */
    JavaClass require(String simpleName) {
        return find(task.className(simpleName)).orElseThrow(() ->
                new AssertionFailedError(RuleMessages.classMissing(task, simpleName)));
    }

    Optional<JavaClass> find(String className) {
        return Optional.ofNullable(classes.get(className));
    }

    /** Whether {@code type} is one of the submission's classes of this task (not the JDK, not another task). */
    boolean contains(JavaClass type) {
        return classes.containsKey(type.getName());
    }

    /** The bytecode of a class of the task, by internal name ({@code exercises/locks/Bank}). */
    Optional<ClassNode> node(String internalName) {
        return Optional.ofNullable(nodes.get(internalName));
    }

    /**
     * The body that a call of {@code owner.name desc} runs, where the task declares it in {@code owner} or inherits
     * it from a superclass of the task: the static view of a call, as javac resolves it.
     */
    Optional<Body> resolve(String owner, String name, String desc) {
        for (ClassNode type = nodes.get(owner); type != null; type = nodes.get(type.superName)) {
            for (MethodNode method : type.methods) {
                if (method.name.equals(name) && method.desc.equals(desc) && method.instructions.size() > 0) {
                    return Optional.of(Body.of(type, method));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the class {@code name} (binary or internal) is {@code target} or a subtype of it: the task's classes
     * through ArchUnit, JDK classes through the platform class loader. Student code is never loaded.
     */
    boolean isAssignableTo(String name, String target) {
        String binary = name.replace('/', '.');
        return assignable.computeIfAbsent(binary + " " + target, key -> {
            JavaClass own = classes.get(binary);
            if (own != null) {
                return own.isAssignableTo(target);
            }
            if (!binary.startsWith("java.")) {
                return false;
            }
            try {
                ClassLoader platform = ClassLoader.getPlatformClassLoader();
                return Class.forName(target, false, platform).isAssignableFrom(Class.forName(binary, false, platform));
            } catch (ClassNotFoundException | LinkageError notInThisJdk) {
                return false;
            }
        });
    }

    static String internalName(String binaryName) {
        return binaryName.replace('.', '/');
    }

    private static ClassesOfTask locate(TaskPackage task) {
        ClassLoader loader = ClassesOfTask.class.getClassLoader();
        for (String name : task.contractClassNames()) {
            Optional<Path> location = locationOf(name, loader);
            if (location.isPresent()) {
                return importFrom(location.get(), task);
            }
        }
        throw new AssertionFailedError(RuleMessages.taskMissing(task));
    }

    private static Optional<Path> locationOf(String className, ClassLoader loader) {
        try {
            // Loaded, not initialized: no code of the submission runs.
            CodeSource source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (ClassNotFoundException | LinkageError | URISyntaxException | IllegalArgumentException missing) {
            return Optional.empty();
        }
    }

    private static boolean inTask(String relativePath, TaskPackage task) {
        return relativePath.startsWith(task.packagePath() + "/") && relativePath.endsWith(".class");
    }

    /** The path of an imported file from the root of its folder or jar: {@code exercises/locks/Bank.class}. */
    private static String relativePath(Location where, Path folder) {
        URI uri = where.asURI();
        if (folder == null || !"file".equals(uri.getScheme())) {
            String entry = uri.toString();
            int separator = entry.indexOf("!/");
            return separator < 0 ? "" : entry.substring(separator + 2);
        }
        Path file = Path.of(uri).toAbsolutePath().normalize();
        return file.startsWith(folder) ? folder.relativize(file).toString().replace('\\', '/') : "";
    }

    private static Map<String, ClassNode> readFolder(Path root, TaskPackage task) {
        Map<String, ClassNode> nodes = new LinkedHashMap<>();
        Path folder = root.resolve(task.packagePath());
        if (!Files.isDirectory(folder)) {
            return nodes;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassNode node = read(Files.readAllBytes(file));
                nodes.put(node.name, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of task " + task.id() + " in " + root, e);
        }
        return nodes;
    }

    private static Map<String, ClassNode> readJar(Path jar, TaskPackage task) {
        Map<String, ClassNode> nodes = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (inTask(entry.getName(), task)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        ClassNode node = read(in.readAllBytes());
                        nodes.put(node.name, node);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of task " + task.id() + " in " + jar, e);
        }
        return nodes;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
        return node;
    }
}
