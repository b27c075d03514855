package lockstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxGateTest {

    private static final String EXIT = "a submission may not end the JVM (the grader would lose your results);"
            + " remove the call and return or throw an exception instead";

    @TempDir
    Path dir;

    @Test
    void systemExitIsNamedWithFileLineClassAndMethod() throws IOException {
        List<Violation> violations = Sandboxed.statement(dir, "System.exit(1);");

        assertEquals(List.of(new Violation("exit", "exercises/race/RaceDemo.java", 4, "exercises.race.RaceDemo", "run",
                "RaceDemo.run calls System.exit: " + EXIT)), violations);
        assertEquals("exercises/race/RaceDemo.java:4: RaceDemo.run calls System.exit: " + EXIT,
                violations.get(0).render());
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            exit           | calls Runtime.exit                    | Runtime.getRuntime().exit(1);
            exit           | calls Runtime.halt                    | Runtime.getRuntime().halt(1);
            process        | calls Runtime.exec                    | Runtime.getRuntime().exec("ls");
            process        | creates a ProcessBuilder              | new ProcessBuilder("ls").start();
            process        | calls ProcessHandle.current           | ProcessHandle.current().pid();
            reflection     | calls Class.getDeclaredMethods        | RaceDemo.class.getDeclaredMethods();
            reflection     | calls Class.getMethod                 | RaceDemo.class.getMethod("run").invoke(null);
            reflection     | calls Class.getDeclaredField          | RaceDemo.class.getDeclaredField("x");
            reflection     | calls Class.getConstructor            | RaceDemo.class.getConstructor();
            reflection     | calls java.lang.invoke.MethodHandles.lookup | java.lang.invoke.MethodHandles.lookup();
            reflection     | calls java.lang.invoke.MethodHandles.lookup | java.lang.invoke.MethodHandles.lookup().findVarHandle(RaceDemo.class, "x", long.class);
            reflection     | calls Class.getModule                 | RaceDemo.class.getModule();
            file_io        | creates a java.io.File                | new java.io.File("x").delete();
            file_io        | creates a java.io.FileOutputStream    | new java.io.FileOutputStream("x").close();
            file_io        | creates a java.io.RandomAccessFile    | new java.io.RandomAccessFile("x", "rw").close();
            file_io        | calls java.nio.file.Path.of           | java.nio.file.Files.readString(java.nio.file.Path.of("x"));
            file_io        | creates a java.io.PrintWriter         | new java.io.PrintWriter("out.txt").close();
            file_io        | creates a java.io.PrintStream         | new java.io.PrintStream("out.txt").close();
            file_io        | uses java.io.FileDescriptor.out       | Object o = java.io.FileDescriptor.out;
            file_io        | calls java.util.prefs.Preferences.userRoot | java.util.prefs.Preferences.userRoot();
            network        | creates a java.net.Socket             | new java.net.Socket("example.org", 80).close();
            network        | calls java.net.http.HttpClient.newHttpClient | java.net.http.HttpClient.newHttpClient();
            network        | calls java.rmi.registry.LocateRegistry.getRegistry | java.rmi.registry.LocateRegistry.getRegistry();
            class_loader   | calls ClassLoader.getSystemClassLoader | ClassLoader.getSystemClassLoader();
            class_loader   | calls Class.getClassLoader            | RaceDemo.class.getClassLoader();
            class_loader   | calls Class.getResourceAsStream       | RaceDemo.class.getResourceAsStream("x");
            class_loader   | calls Thread.setContextClassLoader    | Thread.currentThread().setContextClassLoader(null);
            class_loader   | calls java.util.ServiceLoader.load    | java.util.ServiceLoader.load(Runnable.class);
            jdk_internal   | uses sun.misc.Unsafe                  | Object o = sun.misc.Unsafe.class;
            thread_control | calls Thread.stop                     | Thread.currentThread().stop();
            thread_control | calls Thread.suspend                  | Thread.currentThread().suspend();
            thread_control | calls Thread.resume                   | Thread.currentThread().resume();
            jvm_state      | calls System.setOut                   | System.setOut(System.err);
            jvm_state      | calls System.setErr                   | System.setErr(System.out);
            jvm_state      | calls System.setIn                    | System.setIn(null);
            jvm_state      | calls System.setProperty              | System.setProperty("a", "b");
            jvm_state      | calls System.clearProperty            | System.clearProperty("a");
            jvm_state      | calls System.getenv                   | System.getenv("HOME");
            native_code    | calls System.loadLibrary              | System.loadLibrary("x");
            native_code    | calls Runtime.load                    | Runtime.getRuntime().load("/x.so");
            shutdown_hook  | calls Runtime.addShutdownHook         | Runtime.getRuntime().addShutdownHook(new Thread());
            jvm_control    | calls java.lang.management.ManagementFactory.getRuntimeMXBean | java.lang.management.ManagementFactory.getRuntimeMXBean();
            jvm_control    | creates a javax.script.ScriptEngineManager | new javax.script.ScriptEngineManager();
            jvm_control    | uses java.lang.instrument.Instrumentation | Object o = java.lang.instrument.Instrumentation.class;
            jvm_control    | calls javax.tools.ToolProvider.getSystemJavaCompiler | javax.tools.ToolProvider.getSystemJavaCompiler();
            """)
    void everyForbiddenApiIsCaught(String rule, String action, String statement) throws IOException {
        List<Violation> violations = Sandboxed.statement(dir, statement);

        Violation first = violations.get(0);
        assertEquals(rule, first.ruleId(), first::render);
        assertEquals(4, first.line());
        assertTrue(first.message().startsWith("RaceDemo.run " + action + ": "), first::render);
        assertTrue(violations.stream().allMatch(violation -> violation.line() == 4), violations::toString);
    }

    @Test
    void aMethodReferenceToSystemExitIsCaught() throws IOException {
        List<Violation> violations = Sandboxed.statement(dir, "java.util.function.IntConsumer end = System::exit;");

        assertEquals(List.of("exercises/race/RaceDemo.java:4: RaceDemo.run passes System.exit as a method reference: " + EXIT),
                rendered(violations));
    }

    @Test
    void aConstructorReferenceIsCaught() throws IOException {
        List<Violation> violations = Sandboxed.statement(dir,
                "java.util.function.Function<String[], ProcessBuilder> start = ProcessBuilder::new;");

        assertEquals("RaceDemo.run passes the ProcessBuilder constructor as a method reference: a submission may not start or control other"
                + " programs; do the work in Java threads", violations.get(0).message());
    }

    @Test
    void aLambdaIsCheckedAsPartOfItsMethod() throws IOException {
        List<Violation> violations = Sandboxed.statement(dir, "Runnable end = () -> System.exit(1);");

        assertEquals(List.of("exercises/race/RaceDemo.java:4: RaceDemo.run (in a lambda) calls System.exit: " + EXIT),
                rendered(violations));
        assertEquals("lambda$run$0", violations.get(0).member());
    }

    @Test
    void aHelperClassInItsOwnFileIsChecked() throws IOException {
        List<Violation> violations = Sandboxed.violations(dir,
                "RaceDemo.java", """
                        package exercises.race;
                        import exercises.race.util.Helper;
                        final class RaceDemo {
                            static void run() {
                                Helper.bye();
                            }
                        }
                        """,
                "util/Helper.java", """
                        package exercises.race.util;
                        public final class Helper {
                            public static void bye() {
                                Runtime.getRuntime().halt(0);
                            }
                        }
                        """);

        assertEquals(List.of("exercises/race/util/Helper.java:4: Helper.bye calls Runtime.halt: " + EXIT),
                rendered(violations));
    }

    @Test
    void nestedAnonymousAndLocalClassesAreChecked() throws IOException {
        List<Violation> violations = Sandboxed.violations(dir, "RaceDemo.java", """
                package exercises.race;
                final class RaceDemo {
                    static final class Inner {
                        void go() { System.exit(3); }
                    }
                    static Runnable anonymous() {
                        return new Runnable() {
                            public void run() { System.exit(2); }
                        };
                    }
                    static void local() {
                        class Local { void go() { System.exit(4); } }
                    }
                    RaceDemo() { System.exit(5); }
                    static { System.exit(6); }
                }
                """);

        assertEquals(List.of(
                "exercises/race/RaceDemo.java:4: RaceDemo.Inner.go calls System.exit: " + EXIT,
                "exercises/race/RaceDemo.java:8: RaceDemo$1.run calls System.exit: " + EXIT,
                "exercises/race/RaceDemo.java:12: RaceDemo.Local.go calls System.exit: " + EXIT,
                "exercises/race/RaceDemo.java:14: the RaceDemo constructor calls System.exit: " + EXIT,
                "exercises/race/RaceDemo.java:15: the static initializer of RaceDemo calls System.exit: " + EXIT),
                rendered(violations));
    }

    @Test
    void classForNameWithAComputedNameIsCaught() throws IOException {
        List<Violation> violations = Sandboxed.statement(dir,
                "String name = \"lockstep.\" + \"check.\" + \"SandboxGate\"; Class.forName(name).getName();");

        assertEquals(List.of("exercises/race/RaceDemo.java:4: RaceDemo.run calls Class.forName: reflection is not"
                + " allowed: call your methods and use your fields directly (for lock-free updates use"
                + " java.util.concurrent.atomic, not VarHandle)"), rendered(violations));
    }

    @Test
    void aThreadSubclassMayNotStopItself() throws IOException {
        List<Violation> violations = Sandboxed.violations(dir, "Worker.java", """
                package exercises.race;
                final class Worker extends Thread {
                    @Override public void run() {
                        stop();
                    }
                }
                """);

        assertEquals(List.of("exercises/race/Worker.java:4: Worker.run calls Thread.stop: Thread.stop, suspend and"
                + " resume are unsafe (they can leave locks held and data half-written); let the thread finish on"
                + " its own, for example when it sees a flag or Thread.interrupted()"), rendered(violations));
    }

    @Test
    void aClassLoaderSubclassIsCaughtButAThreadSubclassIsFine() throws IOException {
        List<Violation> violations = Sandboxed.violations(dir,
                "Loader.java", "package exercises.race;\nfinal class Loader extends ClassLoader {\n}\n",
                "Worker.java", "package exercises.race;\nfinal class Worker extends Thread {\n}\n");

        assertEquals(List.of("exercises/race/Loader.java: Loader extends ClassLoader: a submission may not load"
                + " classes or resources itself; the grader loads your classes, and your code can use them directly"),
                rendered(violations));
    }

    @Test
    void declarationsAreChecked() throws IOException {
        List<Violation> violations = Sandboxed.violations(dir, "RaceDemo.java", """
                package exercises.race;
                final class RaceDemo implements java.nio.file.PathMatcher {
                    private java.io.File log;
                    native void poke();
                    @java.beans.Transient
                    public boolean matches(java.nio.file.Path path) {
                        return false;
                    }
                    java.util.List<java.net.Socket> sockets() {
                        return java.util.List.of();
                    }
                }
                """);

        assertEquals(List.of(
                "exercises/race/RaceDemo.java: RaceDemo implements java.nio.file.PathMatcher",
                "exercises/race/RaceDemo.java: RaceDemo.log uses java.io.File",
                "exercises/race/RaceDemo.java: RaceDemo.poke is declared native",
                "exercises/race/RaceDemo.java:7: RaceDemo.matches uses java.nio.file.Path",
                "exercises/race/RaceDemo.java:7: RaceDemo.matches is annotated with @java.beans.Transient",
                "exercises/race/RaceDemo.java:10: RaceDemo.sockets uses java.net.Socket"),
                violations.stream().map(v -> v.render().substring(0, v.render().indexOf(": ",
                        v.render().indexOf(": ") + 2))).toList());
    }

    @Test
    void whatJavacGeneratesForPlainCodeIsAllowed() throws IOException {
        List<Violation> violations = Sandboxed.violations(dir, "RaceDemo.java", """
                package exercises.race;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.atomic.AtomicLong;
                import java.util.concurrent.locks.ReentrantLock;
                import java.util.function.*;
                final class RaceDemo {
                    record Result(String name, long count, int[] samples) { }
                    enum Mode { FAST, SLOW }
                    static final class Worker extends Thread {
                        Worker(Runnable task) { super(task, "worker"); }
                    }
                    private final Object lock = new Object();
                    private final ReentrantLock reentrant = new ReentrantLock();
                    private final AtomicLong atomic = new AtomicLong();
                    private long count;

                    long run(int threads, Mode mode, String label) throws Exception {
                        assert threads > 0 : "need a thread";
                        CountDownLatch gate = new CountDownLatch(1);
                        List<Thread> started = new ArrayList<>();
                        Supplier<Long> reader = this::read;
                        Function<String, Integer> length = String::length;
                        for (int i = 0; i < threads; i++) {
                            Thread thread = new Worker(() -> {
                                try { gate.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                                synchronized (lock) { count++; }
                                reentrant.lock();
                                try { atomic.incrementAndGet(); } finally { reentrant.unlock(); }
                            });
                            thread.setName("Thread " + (i + 1) + " of " + threads);
                            started.add(thread);
                            thread.start();
                        }
                        gate.countDown();
                        for (Thread thread : started) { thread.join(); }
                        switch (mode) {
                            case FAST -> System.out.println("fast " + label);
                            case SLOW -> System.out.printf(Locale.ROOT, "slow %s%n", label);
                        }
                        switch (label) {
                            case "a" -> System.out.println(length.apply(label));
                            default -> System.out.println(getClass().getSimpleName() + Thread.currentThread().getName());
                        }
                        ExecutorService pool = Executors.newFixedThreadPool(2);
                        try {
                            Future<Long> future = pool.submit(() -> reader.get());
                            Result result = new Result(label, future.get(1, TimeUnit.SECONDS), new int[] {1, 2});
                            System.out.println(result + " " + result.equals(result) + result.hashCode());
                            int[] copy = result.samples().clone();
                            Object[][] grid = new Object[2][3];
                            System.out.println(copy.length + grid.length + Runtime.getRuntime().availableProcessors());
                        } finally {
                            pool.shutdownNow();
                        }
                        try (AutoCloseable closing = () -> { }) {
                            System.err.println(System.nanoTime() + " " + System.getProperty("java.version"));
                        }
                        new Throwable().printStackTrace();
                        return count + atomic.get();
                    }

                    private synchronized long read() {
                        return count;
                    }
                }
                """);

        assertEquals(List.of(), violations);
    }

    @Test
    void theMessageListsTwentyViolationsAndCountsTheRest() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            body.append("        System.exit(").append(i).append(");\n");
        }
        List<Violation> violations = Sandboxed.violations(dir, "RaceDemo.java",
                "package exercises.race;\nfinal class RaceDemo {\n    static void run() {\n" + body + "    }\n}\n");

        String message = SandboxGate.message(violations);

        assertEquals(25, violations.size());
        assertEquals(21, message.lines().count());
        assertTrue(message.startsWith("exercises/race/RaceDemo.java:4: RaceDemo.run calls System.exit: "), message);
        assertTrue(message.endsWith("\n... and 5 more"), message);
        assertEquals("", SandboxGate.message(List.of()));
    }

    private static List<String> rendered(List<Violation> violations) {
        return violations.stream().map(Violation::render).toList();
    }
}
