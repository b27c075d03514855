package lockstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Class files javac would never write from a submission's source (it compiles against the JDK alone), made with
 * ASM: the gate must not rely on the compiler having refused them.
 */
class CraftedClassesTest {

    @TempDir
    Path classes;

    @Test
    void aClassOutsideTheJdkIsCaught() throws IOException {
        write("exercises/race/RaceDemo", method -> {
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "lockstep/check/SandboxGate", "message",
                    "(Ljava/util/List;)Ljava/lang/String;", false);
            method.visitInsn(Opcodes.POP);
        });

        assertEquals(List.of("exercises/race/RaceDemo.java:7: RaceDemo.run calls lockstep.check.SandboxGate.message:"
                + " a submission may use only the JDK and its own classes in package exercises"), rendered());
        assertEquals("outside_jdk", SandboxGate.check(classes, Map.of()).get(0).ruleId());
    }

    @Test
    void anInvokedynamicWithAnUnknownBootstrapIsCaught() throws IOException {
        write("exercises/race/RaceDemo", method -> {
            method.visitInvokeDynamicInsn("run", "()Ljava/lang/Runnable;", new Handle(Opcodes.H_INVOKESTATIC,
                    "exercises/race/RaceDemo", "bootstrap",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                            + "Ljava/lang/invoke/CallSite;", false));
            method.visitInsn(Opcodes.POP);
        });

        assertEquals("RaceDemo.run makes a dynamic call through RaceDemo.bootstrap, which javac never generates for"
                + " plain Java code: reflection is not allowed: call your methods and use your fields directly (for"
                + " lock-free updates use java.util.concurrent.atomic, not VarHandle)",
                SandboxGate.check(classes, Map.of()).get(0).message());
    }

    @Test
    void aLambdaWhoseImplementationIsSystemExitIsCaught() throws IOException {
        write("exercises/race/RaceDemo", method -> {
            method.visitInvokeDynamicInsn("accept", "()Ljava/util/function/IntConsumer;",
                    new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
                            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;"
                                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false),
                    org.objectweb.asm.Type.getType("(I)V"),
                    new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false),
                    org.objectweb.asm.Type.getType("(I)V"));
            method.visitInsn(Opcodes.POP);
        });

        assertEquals(List.of("exercises/race/RaceDemo.java:7: RaceDemo.run passes System.exit as a method reference:"
                + " a submission may not end the JVM (the grader would lose your results); remove the call and return"
                + " or throw an exception instead"), rendered());
    }

    @Test
    void theGradersCounterIsNotChecked() throws IOException {
        write("exercises/Counter", method -> {
            method.visitInsn(Opcodes.ICONST_0);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        });

        assertEquals(List.of(), rendered());
    }

    @Test
    void aMappedSourceFileIsUsed() throws IOException {
        write("exercises/race/RaceDemo", method -> {
            method.visitInsn(Opcodes.ICONST_0);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        });

        assertEquals("exercises/race/gate/Demo.java", SandboxGate.check(classes,
                Map.of("exercises/race/RaceDemo", "exercises/race/gate/Demo.java")).get(0).sourceFile());
    }

    /** Writes class {@code name} whose static {@code run()} holds {@code body} on line 7. */
    private void write(String name, java.util.function.Consumer<MethodVisitor> body) throws IOException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        writer.visitSource(name.substring(name.lastIndexOf('/') + 1) + ".java", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        method.visitCode();
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(7, start);
        body.accept(method);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        Path file = classes.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
    }

    private List<String> rendered() throws IOException {
        return SandboxGate.check(classes, Map.of()).stream().map(Violation::render).toList();
    }
}
