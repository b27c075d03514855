package lockstep.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which methods the test JVM's optimizing compiler (C2) compiles: the code the tests run under stress, and nothing
 * else. Most of C2's time went to code that runs for a few seconds and is done: ASM (Lincheck instrumenting classes for
 * every model check, ArchUnit reading them), Kotlin, JUnit, and the JDK's strings and collections they call. Those
 * are compiled by C1 alone (the README has the numbers).
 *
 * <p>C2 keeps compiling the submission ({@code exercises}), the tests and the stress library ({@code lockstep}, but
 * for the few methods that coordinate the repetitions from the test's thread: {@link #COORDINATION}), the JDK's locks
 * and atomics ({@code java.util.concurrent}) and {@code java.lang.Thread} (with the classes whose names begin with it,
 * such as {@code ThreadLocal}). Excluding a method keeps it from being compiled on its own, not from being inlined:
 * C2 can still inline any other method into the code it compiles, with its usual heuristics (which weigh a callee's
 * compiled size, now C1's); only the coordination's methods it may not inline (the directive's {@code inline} list).
 * So a submission's hot loop is still compiled by C2: a plain field's read is still hoisted out of a polling loop,
 * which C1 alone does not do. {@code CompilerDirectivesTest} shows both on the JDK the build runs on.
 *
 * <p>The JVM reads the directives from a file ({@code -XX:CompilerDirectivesFile}, a diagnostic option since JDK 9).
 * For each compiler it applies the first directive that matches a method and sets an option for that compiler: the
 * first one takes C2 from the coordination, and the second one's {@code "c2": {"Exclude": false}} is what keeps the
 * {@code "*.*"} one from taking C2 away from the code under test. The file is written once into a folder of the
 * grader's, never into a test JVM's scratch folder.
 */
final class CompilerDirectives {

    /** The classes C2 compiles, as the directives' patterns: a class name prefix in internal form, then any method. */
    static final List<String> C2_CLASSES = List.of(
            "exercises/*.*", "lockstep/*.*", "java/util/concurrent/*.*", "java/lang/Thread*.*");

    /**
     * The stress library's methods that run on the test's own thread between repetitions, not on the threads under
     * stress: a repetition's coordination ({@code Repetition.run}: make the state, release the crew, wait, judge) and
     * the bank scenarios' setup and check (open the accounts, add up the balances), as the directives' patterns. C2
     * neither compiles them nor inlines them into another method; C1 compiles them. Their speed only spaces the
     * repetitions a little further apart, while C2 spent about 0.75 s of its 1.2 s in a reference grading on them (a
     * 59 kB compile of {@code Repetition.run}, and more as the scenarios changed). What the threads under stress run
     * (the crew, the start gate, a scenario's work, the code under test) keeps C2.
     */
    static final List<String> COORDINATION = List.of("lockstep/stress/Repetition.run",
            "lockstep/stress/TransferScenarios.open", "lockstep/stress/TransferScenarios.conserved");

    static final String FILE_NAME = "compiler-directives.json";

    /** What the JVM prints on its standard output, before anything else, when it has read the file. */
    private static final Pattern ANNOUNCEMENT = Pattern.compile("\\d+ compiler directives added");

    private CompilerDirectives() {
    }

    /**
     * The directives, in the JVM's format (JSON): C1 only for {@link #COORDINATION}, which C2 inlines nowhere; C2 for
     * the rest of {@link #C2_CLASSES}; C1 only for every other method.
     */
    static String text() {
        String coordination = quoted(COORDINATION);
        String notInlined = quoted(COORDINATION.stream().map(pattern -> "-" + pattern).toList());
        return "[\n"
                + "  { \"match\": [" + coordination + "], \"c2\": { \"Exclude\": true } },\n"
                + "  { \"match\": [" + quoted(C2_CLASSES) + "], \"c2\": { \"Exclude\": false, \"inline\": ["
                + notInlined + "] } },\n"
                + "  { \"match\": \"*.*\", \"c2\": { \"Exclude\": true } }\n"
                + "]\n";
    }

    private static String quoted(List<String> patterns) {
        return patterns.stream().map(pattern -> "\"" + pattern + "\"").collect(Collectors.joining(", "));
    }

    /**
     * The test JVM's options that make it read the directives, from {@code folder}, where they are written first if
     * they are not there yet. Checked before every test JVM starts, because a JVM whose directives file is missing
     * refuses to start: a file removed while a batch runs must not cost a student the task. The file is
     * replaced in one atomic move, so a JVM starting at the same time never finds it missing or half written. Where
     * it cannot be written, no options: the test JVM then compiles as the JVM does by default, which costs only CPU
     * time.
     */
    static List<String> prepare(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text())) {
                Files.createDirectories(folder);
                Path written = Files.createTempFile(folder, FILE_NAME, ".tmp");
                Files.writeString(written, text(), StandardCharsets.UTF_8);
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file);
    }

    /** Whether {@code line}, the first of a test JVM's output, is the JVM's note that it read the directives. */
    static boolean isAnnouncement(String line) {
        return ANNOUNCEMENT.matcher(line).matches();
    }
}
