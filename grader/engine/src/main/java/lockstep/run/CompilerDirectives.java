package lockstep.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which methods the test JVM's optimizing compiler (C2) compiles: the code the tests run under stress, and nothing
 * else. About half of a test JVM's CPU time went to the JIT compilers, and most of C2's to code that runs for a few
 * seconds and is done: ASM (Lincheck instrumenting classes for every model check, ArchUnit reading them), Kotlin, JUnit,
 * and the JDK's strings and collections they call. Those are now compiled by C1 alone.
 *
 * <p>C2 keeps compiling the submission ({@code exercises}), the tests and the stress library ({@code lockstep}), the
 * JDK's locks and atomics ({@code java.util.concurrent}) and {@code java.lang.Thread}. And C2 still inlines any method
 * into the code it compiles: a directive keeps a method from being compiled on its own, not from being inlined. So a
 * submission's hot method becomes the same machine code as before (a lost update keeps its window, a plain field's
 * read is still hoisted out of a polling loop); only a JDK method too big to inline runs as C1's code when called.
 *
 * <p>The JVM reads these as a compiler directives file ({@code -XX:CompilerDirectivesFile}, a diagnostic option from
 * JDK 9 on), where the first directive whose pattern matches a method applies.
 */
final class CompilerDirectives {

    /** The classes C2 compiles, as the directives' patterns: a class name prefix in internal form, then any method. */
    static final List<String> C2_CLASSES = List.of(
            "exercises/*.*", "lockstep/*.*", "java/util/concurrent/*.*", "java/lang/Thread*.*");

    static final String FILE_NAME = "compiler-directives.json";

    private CompilerDirectives() {
    }

    /** The directives, in the JVM's format: C2 for {@link #C2_CLASSES}, C1 only for every other method. */
    static String text() {
        String kept = C2_CLASSES.stream().map(pattern -> "\"" + pattern + "\"").collect(Collectors.joining(", "));
        return "[\n"
                + "  { match: [" + kept + "], c2: { Exclude: false } },\n"
                + "  { match: \"*.*\", c2: { Exclude: true } }\n"
                + "]\n";
    }

    /** Writes the directives into {@code folder} and returns the test JVM's options that make it read them. */
    static List<String> jvmOptions(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Files.writeString(file, text(), StandardCharsets.UTF_8);
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file);
    }
}
