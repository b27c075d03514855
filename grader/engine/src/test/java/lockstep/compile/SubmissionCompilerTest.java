package lockstep.compile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lockstep.collect.CollectedSubmission;
import lockstep.collect.SubmissionCollector;
import lockstep.collect.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionCompilerTest {

    private static final String LAUNCHER = """
            package exercises.launch;
            public final class Launcher {
                private Launcher() {
                }
            }
            """;

    private static final String UNSAFE_COUNTER = """
            package exercises.race;
            import exercises.Counter;
            public final class UnsafeCounter implements Counter {
                private long count;
                @Override public void increment() { count++; }
                @Override public long get() { return count; }
            }
            """;

    private static final String LOCKED_COUNTER = """
            package exercises.locks;
            import exercises.Counter;
            import java.util.concurrent.locks.ReentrantLock;
            public final class LockedCounter implements Counter {
                private final ReentrantLock lock = new ReentrantLock();
                private long count;
                @Override public void increment() {
                    lock.lock();
                    try { count++; } finally { lock.unlock(); }
                }
                @Override public long get() {
                    lock.lock();
                    try { return count; } finally { lock.unlock(); }
                }
                private static final class Helper { }
            }
            """;

    @TempDir
    Path dir;

    private final SubmissionCompiler compiler = new SubmissionCompiler();

    @Test
    void compilesEachTaskWithTheGradersCounter() throws IOException {
        write("exercises/launch/Launcher.java", LAUNCHER);
        write("exercises/race/UnsafeCounter.java", UNSAFE_COUNTER);
        write("exercises/locks/LockedCounter.java", LOCKED_COUNTER);

        CompiledSubmission compiled = compile();

        for (Task task : Task.values()) {
            CompiledTask result = compiled.task(task);
            assertTrue(result.compiled(), result::message);
            assertEquals("", result.message());
            assertEquals(dir.resolve("out").resolve(task.id()), result.classes());
            assertTrue(Files.isRegularFile(result.classes().resolve("exercises/Counter.class")));
        }
        CompiledTask locks = compiled.task(Task.LOCKS);
        assertTrue(Files.isRegularFile(locks.classes().resolve("exercises/locks/LockedCounter$Helper.class")));
        assertEquals(Map.of("exercises/locks/LockedCounter", "exercises/locks/LockedCounter.java",
                "exercises/locks/LockedCounter$Helper", "exercises/locks/LockedCounter.java"), locks.sourceByClass());
        assertEquals(List.of("exercises/Counter.class", "exercises/race/UnsafeCounter.class"),
                classFiles(compiled.task(Task.RACE).classes()));
    }

    @Test
    void aCompileErrorStaysInItsTaskAndPointsAtTheSpot() throws IOException {
        write("exercises/launch/Launcher.java", LAUNCHER);
        write("exercises/race/UnsafeCounter.java", UNSAFE_COUNTER);
        write("exercises/race/RaceDemo.java", """
                package exercises.race;
                public final class RaceDemo {
                    static long run() {
                        return counter.get();
                    }
                }
                """);
        write("exercises/locks/LockedCounter.java", LOCKED_COUNTER);

        CompiledSubmission compiled = compile();

        CompiledTask race = compiled.task(Task.RACE);
        assertFalse(race.compiled());
        assertEquals("""
                exercises/race/RaceDemo.java:4: error: cannot find symbol
                        return counter.get();
                               ^
                  symbol:   variable counter
                  location: class exercises.race.RaceDemo
                1 error""", race.message());
        assertEquals(new CompileError("exercises/race/RaceDemo.java", 4, race.errors().get(0).rendered()),
                race.errors().get(0));
        assertEquals(List.of(), classFiles(race.classes()));
        assertTrue(compiled.task(Task.LAUNCH).compiled());
        assertTrue(compiled.task(Task.LOCKS).compiled());
    }

    @Test
    void theCaretLinesUpUnderTabs() throws IOException {
        write("exercises/launch/Launcher.java", "package exercises.launch;\nclass Launcher {\n\tint x = y;\n}\n");

        assertEquals("""
                exercises/launch/Launcher.java:3: error: cannot find symbol
                \tint x = y;
                \t        ^
                  symbol:   variable y
                  location: class exercises.launch.Launcher
                1 error""", compile().task(Task.LAUNCH).message());
    }

    @Test
    void theStudentsOwnCounterIsNeverUsed() throws IOException {
        write("exercises/Counter.java", "package exercises;\npublic interface Counter { void reset(); }\n");
        write("exercises/race/UnsafeCounter.java", """
                package exercises.race;
                public final class UnsafeCounter implements exercises.Counter {
                    public void increment() { }
                    public long get() { return 0; }
                    @Override public void reset() { }
                }
                """);

        assertEquals("""
                exercises/race/UnsafeCounter.java:5: error: method does not override or implement a method from a\
                 supertype
                    @Override public void reset() { }
                    ^
                1 error""", compile().task(Task.RACE).message());
    }

    @Test
    void aSecondCounterInATaskIsADuplicate() throws IOException {
        write("exercises/race/Counter.java", "package exercises;\npublic interface Counter { void reset(); }\n");

        assertEquals("""
                exercises/race/Counter.java:2: error: duplicate class: exercises.Counter
                public interface Counter { void reset(); }
                       ^
                1 error""", compile().task(Task.RACE).message());
    }

    @Test
    void theClassPathHoldsOnlyTheJdk() throws IOException {
        write("exercises/race/RaceDemo.java", """
                package exercises.race;
                class RaceDemo {
                    int api = org.objectweb.asm.Opcodes.ASM9;
                    lockstep.collect.Task task;
                }
                """);

        String message = compile().task(Task.RACE).message();

        assertTrue(message.contains("exercises/race/RaceDemo.java:3: error: package org.objectweb.asm does not"
                + " exist\n"), message);
        assertTrue(message.contains("exercises/race/RaceDemo.java:4: error: package lockstep.collect does not"
                + " exist\n"), message);
        assertTrue(message.endsWith("\n2 errors"), message);
    }

    @Test
    void aClassOutsideTheTaskPackageIsACompileError() throws IOException {
        write("exercises/race/RaceDemo.java",
                "package exercises.locks;\nfinal class Bank {\n    static final class Vault {}\n}\n");

        assertEquals("exercises/race/RaceDemo.java: error: class Bank is in package exercises.locks, but the files"
                + " of task race must be in package exercises.race (start the file with: package exercises.race;)\n"
                + "1 error", compile().task(Task.RACE).message());
    }

    @Test
    void aSubpackageOfTheTaskIsFine() throws IOException {
        write("exercises/race/util/Gate.java", "package exercises.race.util;\npublic final class Gate {}\n");

        assertTrue(compile().task(Task.RACE).compiled());
    }

    @Test
    void onlyTheFirstTwentyErrorsAreListed() throws IOException {
        StringBuilder source = new StringBuilder("package exercises.launch;\nclass Launcher {\n");
        for (int i = 0; i < 25; i++) {
            source.append("    int f").append(i).append(" = missing").append(i).append(";\n");
        }
        write("exercises/launch/Launcher.java", source.append("}\n").toString());

        CompiledTask launch = compile().task(Task.LAUNCH);

        assertEquals(20, launch.errors().size());
        assertEquals(25, launch.errorCount());
        assertTrue(launch.message().endsWith("missing19\n  location: class exercises.launch.Launcher\n"
                + "... and 5 more errors not shown\n25 errors"), launch.message());
    }

    @Test
    void collectProblemsAreCompileErrorsWithoutTheCompiler() throws IOException {
        Files.createDirectories(dir.resolve("exercises/race"));
        Files.write(dir.resolve("exercises/race/RaceDemo.java"), "// Zähler".getBytes(StandardCharsets.ISO_8859_1));
        write("exercises/locks/Bank.java", "this is not Java");

        CompiledSubmission compiled = compile();

        assertEquals("file exercises/race/RaceDemo.java is not UTF-8 text: save it with the UTF-8 encoding\n1 error",
                compiled.task(Task.RACE).message());
        assertEquals("no source files for task launch: expected .java files in exercises/launch/ (Launcher.java)\n"
                + "1 error", compiled.task(Task.LAUNCH).message());
        assertTrue(Files.isDirectory(compiled.task(Task.RACE).classes()));
        assertTrue(compiled.task(Task.LOCKS).message().startsWith("exercises/locks/Bank.java:1: error: "));
    }

    @Test
    void anEarlierRunsClassesAreGone() throws IOException {
        write("exercises/race/UnsafeCounter.java", UNSAFE_COUNTER);
        compile();
        Files.delete(dir.resolve("exercises/race/UnsafeCounter.java"));
        write("exercises/race/RaceDemo.java", "package exercises.race;\nfinal class RaceDemo {}\n");

        assertEquals(List.of("exercises/Counter.class", "exercises/race/RaceDemo.class"),
                classFiles(compile().task(Task.RACE).classes()));
    }

    @Test
    void compilesForRelease17() throws IOException {
        write("exercises/race/RaceDemo.java", """
                package exercises.race;
                final class RaceDemo {
                    static String shout(String text) {
                        return text.repeat(2);
                    }
                    static Thread virtual() {
                        return Thread.ofVirtual().unstarted(() -> { });
                    }
                }
                """);

        String message = compile().task(Task.RACE).message();

        assertTrue(message.startsWith("exercises/race/RaceDemo.java:7: error: cannot find symbol\n"), message);
    }

    @Test
    void codeTooDeepForTheCompilerIsACompileErrorNotACrash() throws IOException {
        int depth = 50_000;
        write("exercises/race/RaceDemo.java", "package exercises.race;\nclass RaceDemo {\n    int x = "
                + "(".repeat(depth) + "1" + ")".repeat(depth) + ";\n}\n");

        CompiledSubmission compiled = compile();

        assertEquals("error: the compiler gave up on this code (it is nested too deeply): simplify the most deeply"
                + " nested expression or statement\n1 error", compiled.task(Task.RACE).message());
        assertTrue(compiled.task(Task.LAUNCH).message().startsWith("no source files"));
    }

    private CompiledSubmission compile() throws IOException {
        CollectedSubmission submission = new SubmissionCollector().collect(dir);
        return compiler.compile(submission, dir.resolve("out"));
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, UTF_8);
    }

    private static List<String> classFiles(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> classes.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
