package lockstep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a JVM started with the test JVM's compiler directives, C2 compiles the submission, the tests and the JDK's
 * concurrency classes, and inlines whatever they call; everything else (here ASM, a library of the grader, and the
 * JDK's collections) is compiled by C1 alone.
 */
class CompilerDirectivesTest {

    /** A line of {@code -XX:+PrintCompilation}: the tier, then the method as {@code Class::name}. */
    private static final Pattern COMPILED = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*([0-4])\\s+(\\S+::\\S+)");

    @TempDir
    static Path dir;

    static Path probe;

    /**
     * A submission's class whose main method runs a hot method of its own (which calls an atomic and a list) and makes
     * ASM parse and write a class over and over: without the directives, C2 compiles all of it.
     */
    @BeforeAll
    static void compileProbe() throws IOException {
        probe = JavaSources.compile(Map.of("lockstep/Harness.java", """
                package lockstep;
                public final class Harness {
                    public static long mix(long x) {
                        for (int i = 0; i < 50; i++) {
                            x = x * 31 + (x >>> 7);
                        }
                        return x;
                    }
                }
                """, "exercises/Hot.java", """
                package exercises;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.atomic.AtomicLong;
                import org.objectweb.asm.ClassReader;
                import org.objectweb.asm.ClassWriter;
                public final class Hot {
                    static final AtomicLong COUNT = new AtomicLong();
                    static long sum(List<Integer> list, int n) {
                        long sum = 0;
                        for (int i = 0; i < n; i++) {
                            sum += list.get(i & 3) ^ (sum >>> 3);
                            COUNT.incrementAndGet();
                        }
                        return sum;
                    }
                    public static void main(String[] args) throws Exception {
                        byte[] bytes;
                        try (var in = Hot.class.getResourceAsStream("Hot.class")) {
                            bytes = in.readAllBytes();
                        }
                        List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4));
                        long total = 0;
                        for (int i = 0; i < 3_000; i++) {
                            ClassWriter writer = new ClassWriter(0);
                            new ClassReader(bytes).accept(writer, 0);
                            total += writer.toByteArray().length + sum(list, 100) + lockstep.Harness.mix(i);
                        }
                        System.out.println("hot done " + total);
                    }
                }
                """), dir.resolve("probe"), JavaSources.runnerClasspath());
    }

    /**
     * A correct bank under the real stress library: 30 stress runs of 500 repetitions of the conservation scenario at
     * two threads, enough for C2 to want every method the repetitions run, on the test's thread and on the crew's.
     */
    private static Path stressProbe() throws IOException {
        return JavaSources.compile(Map.of("exercises/Stressed.java", """
                package exercises;
                import java.time.Duration;
                import lockstep.stress.StressBudget;
                import lockstep.stress.StressMatrix;
                import lockstep.stress.TransferScenarios;
                public final class Stressed {
                    static final class Account {
                        long balance;
                        Account(long balance) {
                            this.balance = balance;
                        }
                    }
                    static final class Ledger implements lockstep.stress.Ledger<Account> {
                        public Account open(String id, long balance) {
                            return new Account(balance);
                        }
                        public boolean transfer(Account from, Account to, long amount) {
                            synchronized (Stressed.class) {
                                if (from.balance < amount) {
                                    return false;
                                }
                                from.balance -= amount;
                                to.balance += amount;
                                return true;
                            }
                        }
                        public long balance(Account account) {
                            synchronized (Stressed.class) {
                                return account.balance;
                            }
                        }
                    }
                    public static void main(String[] args) throws Exception {
                        StressMatrix matrix = StressMatrix.of(new StressBudget(500, Duration.ofSeconds(10),
                                Duration.ofSeconds(10))).withThreadCounts(2);
                        for (int i = 0; i < 30; i++) {
                            matrix.verify(TransferScenarios.conservation(new Ledger(), 3, 50));
                        }
                        System.out.println("hot done");
                    }
                }
                """), dir.resolve("stress-probe"), JavaSources.runnerClasspath());
    }

    /** What {@code -XX:+PrintCompilation -XX:+PrintInlining} print, compiling in the foreground (deterministic). */
    private static String compilations(List<String> options) throws Exception {
        return compilations(options, probe, "exercises.Hot");
    }

    private static String compilations(List<String> options, Path classes, String mainClass) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "-Xbatch", "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintCompilation", "-XX:+PrintInlining"));
        all.addAll(options);
        List<Path> classpath = new ArrayList<>(RunnerClasspath.libraries());
        classpath.add(classes);
        String output = ProbeJvm.run(all, classpath, mainClass);
        assertTrue(output.contains("hot done"), "the probe JVM did not finish its work");
        return output;
    }

    /** The highest tier each method was compiled at on its own. */
    private static Map<String, Integer> tiers(String output) {
        Map<String, Integer> tiers = new HashMap<>();
        for (String line : output.lines().toList()) {
            Matcher compiled = COMPILED.matcher(line);
            if (compiled.find()) {
                tiers.merge(compiled.group(2), Integer.parseInt(compiled.group(1)), Math::max);
            }
        }
        return tiers;
    }

    private static List<String> byC2(Map<String, Integer> tiers) {
        return tiers.entrySet().stream().filter(method -> method.getValue() == 4).map(Map.Entry::getKey).sorted()
                .toList();
    }

    @Test
    void withoutTheDirectivesC2CompilesTheLibraryAndTheJdkToo() throws Exception {
        List<String> byC2 = byC2(tiers(compilations(List.of())));
        assertTrue(byC2.stream().anyMatch(method -> method.startsWith("org.objectweb.asm.")), byC2.toString());
        assertTrue(byC2.stream().anyMatch(method -> method.startsWith("java.util.ArrayList::")), byC2.toString());
    }

    @Test
    void c2CompilesOnlyTheSubmissionTheTestsAndTheConcurrencyClassesAndStillInlines() throws Exception {
        List<String> options = CompilerDirectives.prepare(dir.resolve("jit"));
        assertEquals(2, options.size(), options.toString());
        String output = compilations(options);
        assertTrue(output.lines().findFirst().map(CompilerDirectives::isAnnouncement).orElse(false),
                "the JVM's first line says it read the directives");
        Map<String, Integer> tiers = tiers(output);
        List<String> byC2 = byC2(tiers);

        assertTrue(byC2.contains("exercises.Hot::sum"), "the submission's hot method: " + byC2);
        assertTrue(byC2.contains("lockstep.Harness::mix"), "the tests' hot method: " + byC2);
        assertTrue(byC2.contains("java.util.concurrent.atomic.AtomicLong::incrementAndGet"), byC2.toString());
        assertEquals(List.of(), byC2.stream().filter(method -> !method.startsWith("exercises.")
                && !method.startsWith("lockstep.") && !method.startsWith("java.util.concurrent.")
                && !method.startsWith("java.lang.Thread")).toList(), "nothing else is compiled by C2");
        assertTrue(tiers.keySet().stream().anyMatch(method -> method.startsWith("org.objectweb.asm.")),
                "the library is still compiled, by C1: " + tiers.keySet().stream().sorted().limit(50).toList());
        assertTrue(output.contains("made not compilable on level 4  java.util.ArrayList::get"),
                "the list's get() is kept from C2 on its own");
        // "(hot)" is C2's word, and of the methods C2 compiles here only the submission's calls get().
        assertTrue(output.lines().anyMatch(line -> line.contains("java.util.ArrayList::get")
                && line.contains("inline (hot)")), "C2 still inlines the list's get() into the submission's method");
    }

    @Test
    void c2LeavesTheStressLibrarysCoordinationToC1AndKeepsWhatTheStressedThreadsRun() throws Exception {
        String output = compilations(CompilerDirectives.prepare(dir.resolve("jit")), stressProbe(),
                "exercises.Stressed");
        Map<String, Integer> tiers = tiers(output);
        List<String> byC2 = byC2(tiers);

        for (String method : List.of("lockstep.stress.Repetition::run", "lockstep.stress.TransferScenarios::open",
                "lockstep.stress.TransferScenarios::conserved")) {
            assertFalse(byC2.contains(method), method + " is not compiled by C2: " + byC2);
            assertTrue(tiers.getOrDefault(method, 0) >= 1, method + " is compiled by C1: " + tiers.get(method));
            assertFalse(output.lines().anyMatch(line -> line.contains(method) && line.contains("inline (hot)")),
                    method + " is not inlined by C2 either");
        }
        assertTrue(byC2.contains("exercises.Stressed$Ledger::transfer"), "the code under stress: " + byC2);
        assertTrue(byC2.stream().anyMatch(method -> method.startsWith("lockstep.stress.TransferScenarios::lambda$")),
                "the scenario's work on the stressed threads: " + byC2);
    }

    @Test
    void theDirectivesAreWrittenOnceAndAFolderThatCannotHoldThemCostsOnlyTheSpeedUp() throws Exception {
        Path folder = dir.resolve("once");
        List<String> first = CompilerDirectives.prepare(folder);
        Path file = folder.resolve(CompilerDirectives.FILE_NAME);
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file), first);
        assertEquals(CompilerDirectives.text(), Files.readString(file));
        Files.delete(file); // removed while a batch runs: written again, or the next test JVM would not start
        assertEquals(first, CompilerDirectives.prepare(folder));
        assertEquals(CompilerDirectives.text(), Files.readString(file));
        Files.writeString(file, "[]"); // stale or damaged: written again
        assertEquals(first, CompilerDirectives.prepare(folder));
        assertEquals(CompilerDirectives.text(), Files.readString(file));

        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(List.of(), CompilerDirectives.prepare(notAFolder));
    }
}
