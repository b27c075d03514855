package lockstep.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lockstep.compile.CompiledTask;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The check stage's sandbox gate: reads every class compiled from a task (not the grader's Counter) and reports each
 * reference the {@linkplain SandboxRules sandbox table} forbids, before anything of the task runs. Nothing is loaded
 * or run; the classes are only read. A task with any violation must not run: its result is {@code rule_violation}
 * with {@link #message(List)} as the task's message. Holds no state; safe to call from several threads.
 */
public final class SandboxGate {

    /** The violations listed one by one in {@link #message(List)}; the rest are counted. */
    static final int LISTED = 20;

    private static final String GRADER_COUNTER = "exercises/Counter";

    private SandboxGate() {
    }

    /**
     * The violations in the classes of a task that compiled, sorted by source file and line; empty when it may run.
     *
     * @throws IllegalArgumentException where the task did not compile
     * @throws IOException              where a class file cannot be read
     */
    public static List<Violation> check(CompiledTask task) throws IOException {
        if (!task.compiled()) {
            throw new IllegalArgumentException("task " + task.task().id() + " did not compile: nothing to check");
        }
        return check(task.classes(), task.sourceByClass());
    }

    /**
     * The violations in every class file under {@code classes} but the grader's {@code exercises/Counter.class},
     * sorted by source file and line. Each rule is reported once per line of a method.
     *
     * @param sourceByClass source paths by internal class name, as {@link CompiledTask#sourceByClass()} gives them;
     *                      a class missing from it is pinned to the file its package and {@code SourceFile} name give
     */
    public static List<Violation> check(Path classes, Map<String, String> sourceByClass) throws IOException {
        Map<String, ClassNode> types = read(classes);
        ReferenceCollector collector = new ReferenceCollector(types);
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClassNode type : types.values()) {
            String source = sourceByClass.getOrDefault(type.name, guessSource(type));
            for (Reference reference : collector.collect(type)) {
                Optional<SandboxRule> broken = brokenRule(reference);
                if (broken.isPresent()) {
                    SandboxRule rule = broken.get();
                    String key = String.join("|", rule.id(), reference.className(), String.valueOf(reference.member()),
                            String.valueOf(reference.line()));
                    if (seen.add(key)) {
                        violations.add(violation(rule, reference, source));
                    }
                }
            }
        }
        violations.sort(Comparator.comparing(Violation::sourceFile).thenComparingInt(Violation::line));
        return List.copyOf(violations);
    }

    /**
     * The task-level message for a {@code rule_violation}: one {@linkplain Violation#render() rendered} violation a
     * line, the first {@value #LISTED}, then how many more; empty where there are none.
     */
    public static String message(List<Violation> violations) {
        String listed = violations.stream().limit(LISTED).map(Violation::render).collect(Collectors.joining("\n"));
        int more = violations.size() - LISTED;
        return more > 0 ? listed + "\n... and " + more + " more" : listed;
    }

    /** The rule {@code reference} breaks, if any: the first of the table, else the rule against foreign classes. */
    static Optional<SandboxRule> brokenRule(Reference reference) {
        if (reference.kind() == ReferenceKind.BOOTSTRAP
                && SandboxRules.ALLOWED_BOOTSTRAPS.contains(reference.owner() + "." + reference.name())) {
            return Optional.empty();
        }
        for (SandboxRule rule : SandboxRules.RULES) {
            if (rule.matches(reference)) {
                return Optional.of(rule);
            }
        }
        String owner = reference.owner();
        if (!owner.startsWith("exercises/") && !JdkPackages.contains(owner)) {
            return Optional.of(SandboxRules.OUTSIDE_JDK);
        }
        return Optional.empty();
    }

    private static Violation violation(SandboxRule rule, Reference reference, String source) {
        String message = Wording.where(reference.className(), reference.member()) + " " + Wording.action(reference)
                + ": " + rule.reason();
        return new Violation(rule.id(), source, reference.line(), reference.className().replace('/', '.'),
                reference.member() == null ? "" : reference.member(), message);
    }

    private static String guessSource(ClassNode type) {
        int slash = type.name.lastIndexOf('/');
        String folder = slash < 0 ? "" : type.name.substring(0, slash + 1);
        if (type.sourceFile != null) {
            return folder + type.sourceFile;
        }
        String outer = type.name.substring(slash + 1);
        int dollar = outer.indexOf('$');
        return folder + (dollar < 0 ? outer : outer.substring(0, dollar)) + ".java";
    }

    /** Every class file under {@code classes}, by internal name, sorted; links are not followed. */
    private static Map<String, ClassNode> read(Path classes) throws IOException {
        Map<String, ClassNode> types = new TreeMap<>();
        Files.walkFileTree(classes, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".class")) {
                    ClassNode type = parse(file);
                    if (!type.name.equals(GRADER_COUNTER)) {
                        types.put(type.name, type);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return types;
    }

    private static ClassNode parse(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readAllBytes();
        }
        try {
            ClassNode type = new ClassNode();
            new ClassReader(bytes).accept(type, ClassReader.SKIP_FRAMES);
            return type;
        } catch (RuntimeException notAClass) {
            throw new IOException("not a readable class file: " + file, notAClass);
        }
    }
}
