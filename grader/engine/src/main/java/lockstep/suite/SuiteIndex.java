package lockstep.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads a suite's {@code @Graded} declarations from its class files with ASM, without loading a single class: the
 * grader knows every test's points even for a task whose code does not compile.
 */
public final class SuiteIndex {

    static final String GRADED = "Llockstep/api/Graded;";
    static final String DISPLAY_NAME = "Lorg/junit/jupiter/api/DisplayName;";

    private SuiteIndex() {
    }

    /** The suite named {@code name} whose compiled tests are at {@code location} (a jar or a folder). */
    public static Suite read(String name, Path location) {
        List<GradedTest> tests = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            scan(in, tests);
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> entries = jar.stream().filter(e -> e.getName().endsWith(".class"))
                            .sorted(Comparator.comparing(JarEntry::getName)).toList();
                    for (JarEntry entry : entries) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            scan(in, tests);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name + " suite at " + location, e);
        }
        return new Suite(name, location, tests);
    }

    private static void scan(InputStream classFile, List<GradedTest> into) throws IOException {
        ClassReader reader = new ClassReader(classFile);
        String className = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new GradedMethodReader(className, method, into);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** Collects one method's {@code @Graded} and {@code @DisplayName} values. */
    private static final class GradedMethodReader extends MethodVisitor {
        private final String className;
        private final String method;
        private final List<GradedTest> into;
        private String task;
        private int points;
        private String displayName;

        GradedMethodReader(String className, String method, List<GradedTest> into) {
            super(Opcodes.ASM9);
            this.className = className;
            this.method = method;
            this.into = into;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (GRADED.equals(descriptor)) {
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        if ("task".equals(name)) {
                            task = (String) value;
                        } else if ("points".equals(name)) {
                            points = (Integer) value;
                        }
                    }
                };
            }
            if (DISPLAY_NAME.equals(descriptor)) {
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        displayName = (String) value;
                    }
                };
            }
            return null;
        }

        @Override
        public void visitEnd() {
            if (task != null) {
                into.add(new GradedTest(className, method, task, points,
                        displayName != null ? displayName : method + "()"));
            }
        }
    }
}
