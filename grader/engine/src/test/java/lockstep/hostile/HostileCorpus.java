package lockstep.hostile;

import static lockstep.collect.Task.LAUNCH;
import static lockstep.collect.Task.LOCKS;
import static lockstep.collect.Task.RACE;
import static lockstep.hostile.HostileCase.HANG;
import static lockstep.hostile.HostileCase.Marks.FULL;
import static lockstep.hostile.HostileCase.Marks.NOTHING_FROM_RUNNING;
import static lockstep.hostile.HostileCase.Marks.ZERO;
import static lockstep.model.TaskStatus.COMPILE_ERROR;
import static lockstep.model.TaskStatus.CRASHED;
import static lockstep.model.TaskStatus.GRADED;
import static lockstep.model.TaskStatus.RULE_VIOLATION;
import static lockstep.model.TaskStatus.TIMEOUT;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus of hostile and broken submissions in {@code src/test/resources/hostile/}, each with the verdict it must
 * get. Grouped as the attacks go: code that never ends, code that exhausts the test JVM, code that tries to leave the
 * sandbox (through the JDK's less obvious doors too), code that tries to read the tests or forge a result, and sources
 * that are not what they seem.
 */
final class HostileCorpus {

    /** Where the corpus lies: under the engine module, found from the repository root the build passes down. */
    static final Path FOLDER = repository().resolve("grader/engine/src/test/resources/hostile");

    /** The reference solution, which fills in the files a case does not change. */
    static final Path REFERENCE = repository().resolve("solutions");

    /** A line of the hidden race tests' sources: the feedback of a case that tries to read them must not hold it. */
    private static final String HIDDEN_SOURCE = "import static lockstep.hidden";

    private static final String NEVER_ENDS = "did not finish within 5 s";

    static final List<HostileCase> CASES = Stream.of(
            neverEnding(), exhausting(), escaping(), reading(), forging(), misleadingSources())
            .flatMap(List::stream).toList();

    private HostileCorpus() {
    }

    /** Every case, for {@code @MethodSource}. */
    static Stream<HostileCase> cases() {
        return CASES.stream();
    }

    /** The case in folder {@code name}. */
    static HostileCase named(String name) {
        return CASES.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hostile case " + name));
    }

    private static List<HostileCase> neverEnding() {
        return List.of(
                HostileCase.of("infinite-loop", "runAll and demo spin forever", LAUNCH).within(HANG).beside(RACE)
                        .expect(TIMEOUT, NOTHING_FROM_RUNNING, NEVER_ENDS, "exercises.launch.Launcher.spin"),
                HostileCase.of("ignores-interrupts", "sleeps forever, swallowing every interrupt", LAUNCH)
                        .within(HANG).beside(RACE)
                        .expect(TIMEOUT, NOTHING_FROM_RUNNING, NEVER_ENDS, "exercises.launch.Launcher.sleepForever"),
                HostileCase.of("static-init-loop", "a static initializer that never ends", LAUNCH).within(HANG)
                        .beside(RACE)
                        .expect(TIMEOUT, NOTHING_FROM_RUNNING, NEVER_ENDS, "exercises.launch.Launcher.<clinit>"),
                HostileCase.of("static-init-deadlock", "a static initializer that deadlocks with its own thread",
                                LAUNCH).within(HANG).beside(RACE)
                        .expect(TIMEOUT, NOTHING_FROM_RUNNING, NEVER_ENDS, "exercises.launch.Launcher.<clinit>"),
                HostileCase.of("non-daemon-thread", "leaves a non-daemon thread running after every call", LAUNCH)
                        .expect(GRADED, FULL));
    }

    private static List<HostileCase> exhausting() {
        return List.of(
                HostileCase.of("out-of-memory", "allocates until the heap is gone", LAUNCH).beside(RACE)
                        .expect(CRASHED, NOTHING_FROM_RUNNING, "ran out of memory (limit 512 MB)"),
                HostileCase.of("flood-then-out-of-memory", "8 MB of output, then allocates until the heap is gone",
                        LAUNCH).expect(CRASHED, NOTHING_FROM_RUNNING, "ran out of memory (limit 512 MB)"),
                HostileCase.of("thread-bomb", "starts thousands of threads that never end", LAUNCH).beside(RACE)
                        .expect(CRASHED, NOTHING_FROM_RUNNING, "more than 1000 threads"),
                HostileCase.of("stack-overflow", "endless recursion", LAUNCH).beside(RACE)
                        .expect(GRADED, NOTHING_FROM_RUNNING, "java.lang.StackOverflowError"),
                HostileCase.of("stdout-flood", "2 MB on System.out per call, otherwise correct", LAUNCH)
                        .expect(GRADED, FULL),
                HostileCase.of("stderr-flood", "2 MB on System.err per call, otherwise correct", LAUNCH)
                        .beside(RACE).expect(GRADED, FULL),
                HostileCase.of("throws-error", "throws java.lang.Error", LAUNCH)
                        .expect(GRADED, NOTHING_FROM_RUNNING, "java.lang.Error: the launcher gave up"),
                HostileCase.of("throws-thread-death", "throws ThreadDeath", LAUNCH)
                        .expect(GRADED, NOTHING_FROM_RUNNING, "java.lang.ThreadDeath"),
                HostileCase.of("throws-out-of-memory-error", "throws an OutOfMemoryError of its own, leaving a"
                                + " non-daemon thread", LAUNCH).beside(RACE)
                        .expect(CRASHED, NOTHING_FROM_RUNNING, "OutOfMemoryError: not really"),
                HostileCase.of("huge-failure-message", "exception messages of 20 million characters", LAUNCH)
                        .expect(GRADED, NOTHING_FROM_RUNNING, "IllegalStateException: xxxx", "[message truncated:"));
    }

    private static List<HostileCase> escaping() {
        return List.of(
                HostileCase.of("end-jvm-direct", "System.exit, Runtime.halt, Runtime.exec, ProcessBuilder", LAUNCH)
                        .beside(RACE).expect(RULE_VIOLATION, ZERO,
                                "exercises/launch/Launcher.java:16: Launcher.runAll calls System.exit",
                                "exercises/launch/Launcher.java:19: Launcher.runAll calls Runtime.halt",
                                "exercises/launch/Launcher.java:21: Launcher.runAll calls Runtime.exec",
                                "exercises/launch/Launcher.java:22: Launcher.runAll creates a ProcessBuilder"),
                HostileCase.of("end-jvm-method-reference", "the same four as method references", RACE)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/race/RaceDemo.java:20: RaceDemo.run passes System.exit as a method reference",
                                "exercises/race/RaceDemo.java:21: RaceDemo.run passes Runtime.halt as a method reference",
                                "exercises/race/RaceDemo.java:22: RaceDemo.run uses Process",
                                "exercises/race/RaceDemo.java:23: RaceDemo.run passes the ProcessBuilder constructor"),
                HostileCase.of("end-jvm-lambda", "the same four in lambdas run on threads", LOCKS)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/locks/Bank.java:13: Bank.transfer (in a lambda) calls System.exit",
                                "exercises/locks/Bank.java:14: Bank.transfer (in a lambda) calls Runtime.halt",
                                "exercises/locks/Bank.java:17: Bank.transfer (in a lambda) calls Runtime.exec",
                                "exercises/locks/Bank.java:18: Bank.transfer (in a lambda) creates a ProcessBuilder"),
                HostileCase.of("end-jvm-helper-class", "the same four in helper classes", LAUNCH)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/launch/Shutdown.java:10: Shutdown.now calls System.exit",
                                "exercises/launch/Shutdown.java:17: Shutdown.Later.run calls Runtime.halt",
                                "exercises/launch/util/Processes.java:13: Processes.start calls Runtime.exec",
                                "exercises/launch/util/Processes.java:14: Processes.start creates a ProcessBuilder"),
                HostileCase.of("end-jvm-method-handles", "exit, halt, exec through method handles", RACE)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/race/RaceDemo.java:15: RaceDemo.run calls java.lang.invoke.MethodHandles",
                                "exercises/race/RaceDemo.java:16: RaceDemo.run calls java.lang.invoke.",
                                "exercises/race/RaceDemo.java:17: RaceDemo.run calls java.lang.invoke.",
                                "exercises/race/RaceDemo.java:18: RaceDemo.run uses Process",
                                "exercises/race/RaceDemo.java:20: RaceDemo.run calls java.lang.invoke.MethodHandle.invoke"),
                HostileCase.of("end-jvm-class-for-name", "the same four by reflection on computed class names",
                                LOCKS)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/locks/Bank.java:13: Bank.transfer calls Class.forName",
                                "exercises/locks/Bank.java:14: Bank.transfer calls Class.forName",
                                "exercises/locks/Bank.java:17: Bank.transfer calls Class.getMethod",
                                "exercises/locks/Bank.java:20: Bank.transfer calls Class.forName"),
                HostileCase.of("end-jvm-through-xslt", "exec and exit from an XSLT stylesheet's extension functions",
                                LAUNCH).beside(RACE)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/launch/Launcher.java:35: Launcher.runAll uses"
                                        + " javax.xml.transform.TransformerException: the XML APIs are not allowed",
                                "exercises/launch/Launcher.java:37: Launcher.runAll calls"
                                        + " javax.xml.transform.Transformer.transform"),
                HostileCase.of("network-through-logging", "sends the class path to a host through a logging handler",
                                RACE)
                        .expect(RULE_VIOLATION, ZERO, "exercises/race/RaceDemo.java:19: RaceDemo.run creates a"
                                + " java.util.logging.SocketHandler: a submission may not use the network"));
    }

    private static List<HostileCase> reading() {
        return List.of(
                HostileCase.of("read-hidden-tests-from-class-path", "reads the tests' class files as resources", RACE)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/race/RaceDemo.java:20: RaceDemo.run calls Class.getResourceAsStream",
                                "exercises/race/RaceDemo.java:21: RaceDemo.run calls ClassLoader.getSystemResource",
                                "exercises/race/RaceDemo.java:22: RaceDemo.run calls Thread.getContextClassLoader",
                                "RaceDemo.run calls Class.getResourceAsStream")
                        .without("\u00ca\u00fe\u00ba\u00be", HIDDEN_SOURCE),
                HostileCase.of("read-hidden-tests-through-xml", "reads the tests' sources through XInclude", RACE)
                        .expect(RULE_VIOLATION, ZERO, "exercises/race/RaceDemo.java:26: RaceDemo.run calls"
                                + " javax.xml.parsers.DocumentBuilderFactory.newInstance")
                        .without(HIDDEN_SOURCE),
                HostileCase.of("read-files-through-swing", "reads a file through a Swing text pane", RACE)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/race/RaceDemo.java:14: RaceDemo.run creates a javax.swing.JEditorPane")
                        .without("root:x:0:0"),
                HostileCase.of("write-files", "writes a forged result.json and report.md with java.io and nio",
                                RACE)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/race/UnsafeCounter.java:21: the static initializer of UnsafeCounter calls"
                                        + " java.nio.file.",
                                "exercises/race/UnsafeCounter.java:22: the static initializer of UnsafeCounter creates"
                                        + " a java.io.FileWriter",
                                "exercises/race/UnsafeCounter.java:25: the static initializer of UnsafeCounter creates"
                                        + " a java.io.PrintStream",
                                "exercises/race/UnsafeCounter.java:28: the static initializer of UnsafeCounter creates"
                                        + " a java.io.RandomAccessFile"),
                HostileCase.of("write-files-through-logging", "writes a forged result through a logging file handler",
                                RACE)
                        .expect(RULE_VIOLATION, ZERO, "exercises/race/UnsafeCounter.java:22: the static initializer"
                                + " of UnsafeCounter calls java.util.logging.LogManager.getLogManager"),
                HostileCase.of("write-files-through-xml", "writes a forged result through an XML transformation",
                                RACE)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/race/UnsafeCounter.java:18: the static initializer of UnsafeCounter uses"
                                        + " javax.xml.transform.",
                                "exercises/race/UnsafeCounter.java:20: the static initializer of UnsafeCounter creates"
                                        + " a javax.xml.transform.stream.StreamResult"));
    }

    private static List<HostileCase> forging() {
        return List.of(
                HostileCase.of("forged-result-lines", "prints lines that look like signed passes, fails every test",
                        LAUNCH).expect(GRADED, NOTHING_FROM_RUNNING, "UnsupportedOperationException: not done yet"),
                HostileCase.of("fails-quietly", "control: fails every test the same way, printing nothing", LAUNCH)
                        .expect(GRADED, NOTHING_FROM_RUNNING, "UnsupportedOperationException: not done yet"),
                HostileCase.of("forge-through-console", "writes a forged line to the channel's stream through the"
                                + " console", LAUNCH)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/launch/Launcher.java:19: Launcher.runAll calls System.console",
                                "exercises/launch/Launcher.java:21: Launcher.runAll calls java.io.Console.writer"),
                HostileCase.of("forge-through-reflection", "reaches for the grader's listener by reflection", LOCKS)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/locks/AtomicCounter.java:18: the static initializer of AtomicCounter calls"
                                        + " Class.forName",
                                "exercises/locks/AtomicCounter.java:19: the static initializer of AtomicCounter calls"
                                        + " Class.getDeclaredConstructors",
                                "exercises/locks/AtomicCounter.java:20: the static initializer of AtomicCounter calls"
                                        + " java.lang.reflect.",
                                "exercises/locks/AtomicCounter.java:21: the static initializer of AtomicCounter calls"
                                        + " java.lang.invoke.MethodHandles"),
                HostileCase.of("set-grader-properties", "switches model checking off through system properties", LOCKS)
                        .expect(RULE_VIOLATION, ZERO,
                                "exercises/locks/LockedCounter.java:13: the static initializer of LockedCounter calls"
                                        + " System.setProperty",
                                "exercises/locks/LockedCounter.java:14: the static initializer of LockedCounter calls"
                                        + " System.getProperties"));
    }

    private static List<HostileCase> misleadingSources() {
        return List.of(
                HostileCase.of("file-outside-task-packages", "sources and build files outside the task packages",
                                LAUNCH)
                        .expect(GRADED, FULL)
                        .ignoring("Notes.java: outside the task packages", "build.gradle: outside the task packages",
                                "pom.xml: outside the task packages", "exercises/util/: outside the task packages",
                                "exercises/launch/launcher.properties: not a .java file"),
                HostileCase.of("second-counter", "its own exercises.Counter, which ends the JVM", RACE)
                        .expect(GRADED, FULL).ignoring("exercises/Counter.java: the grader supplies its own Counter"),
                HostileCase.of("counter-in-task-folder", "a second exercises.Counter inside a task folder", RACE)
                        .expect(COMPILE_ERROR, ZERO, "exercises/race/Counter.java"),
                HostileCase.of("grader-package-at-root", "classes of the grader's packages at the source root", RACE)
                        .expect(GRADED, FULL).ignoring("lockstep/: outside the task packages"),
                HostileCase.of("grader-package-in-task-folder", "a class of a grader package in a task folder", RACE)
                        .expect(COMPILE_ERROR, ZERO, "class Scorer is in package lockstep.score, but the files of"
                                + " task race must be in package exercises.race"),
                HostileCase.of("huge-source-file", "a 328 KiB source file", RACE)
                        .expect(COMPILE_ERROR, ZERO, "file exercises/race/RaceDemo.java is too large (328 KiB; the"
                                + " grader reads files up to 256 KiB)"),
                HostileCase.of("not-utf8", "a source file saved as Windows-1252", RACE)
                        .expect(COMPILE_ERROR, ZERO, "file exercises/race/UnsafeCounter.java is not UTF-8 text"),
                HostileCase.of("missing-class", "uses a helper class it never handed in", RACE)
                        .expect(COMPILE_ERROR, ZERO, "exercises/race/RaceDemo.java:12: error: cannot find symbol",
                                "RaceHelper"),
                HostileCase.of("deeply-nested-expression", "an expression nested 20,000 parentheses deep", RACE)
                        .expect(COMPILE_ERROR, ZERO, "the compiler gave up on this code (it is nested too deeply)"),
                HostileCase.of("symlink-to-hidden-test", "RaceDemo.java is a link to a hidden test's source", RACE)
                        .expect(GRADED, FULL).without(HIDDEN_SOURCE)
                        .ignoring("exercises/race/RaceDemo.java: a symbolic link"),
                HostileCase.of("empty-submission", "a README and nothing else", LAUNCH).aloneOnEveryTask()
                        .expect(COMPILE_ERROR, ZERO, "found no exercises folder"),
                HostileCase.of("empty-task-folders", "an exercises folder without a single .java file", LAUNCH)
                        .aloneOnEveryTask().expect(COMPILE_ERROR, ZERO, "no source files for task")
                        .ignoring("exercises/README.md: outside the task packages"));
    }

    /** The repository root: as the build passes it down, or found from the working folder. */
    static Path repository() {
        String configured = System.getProperty("lockstep.repository");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return here.endsWith(Path.of("grader", "engine")) ? here.getParent().getParent() : here;
    }
}
