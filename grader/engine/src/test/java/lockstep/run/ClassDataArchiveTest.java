package lockstep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lockstep.modelcheck.ModelCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test JVM's class data archive builds itself from use: a JVM records the classes it loads, the next one dumps
 * the archive and runs on it. These tests run real JVMs of this JDK, on the grader's own library jars.
 */
class ClassDataArchiveTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final List<String> MEMORY = List.of("-Xmx256m", "-XX:+UseSerialGC");

    /**
     * A main class that loads a library class (the JUnit Platform's launcher factory), and with an argument every
     * class of the Kotlin standard library too: thousands more.
     */
    private static Path probe(Path dir) throws IOException {
        return JavaSources.compile(Map.of("Probe.java", """
                import java.util.jar.JarFile;
                public final class Probe {
                    public static void main(String[] args) throws Exception {
                        Class.forName("org.junit.platform.launcher.core.LauncherFactory");
                        if (args.length > 0) {
                            String jar = Class.forName("kotlin.Unit").getProtectionDomain().getCodeSource()
                                    .getLocation().getPath();
                            try (JarFile classes = new JarFile(jar)) {
                                for (String name : classes.stream().map(e -> e.getName())
                                        .filter(n -> n.endsWith(".class") && !n.contains("-")).toList()) {
                                    try {
                                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                                                Probe.class.getClassLoader());
                                    } catch (Throwable e) {
                                        // not loadable alone: no matter
                                    }
                                }
                            }
                        }
                        System.out.println("probe done");
                    }
                }
                """), dir, List.of());
    }

    /** An archive of the grader's libraries for {@code javaHome}, kept in {@code dir}. */
    private static ClassDataArchive archiveIn(Path dir, Path javaHome) {
        return new ClassDataArchive(javaHome, MEMORY, RunnerClasspath.libraries(), dir.resolve("cds"));
    }

    private static String run(List<String> options, List<Path> jars, Path probe, String... args) throws Exception {
        return runMain("Probe", options, jars, probe, args);
    }

    private static String runMain(String mainClass, List<String> options, List<Path> jars, Path probe, String... args)
            throws Exception {
        List<String> memoryThenOptions = new ArrayList<>(MEMORY);
        memoryThenOptions.addAll(options);
        List<Path> classpath = new ArrayList<>(jars);
        classpath.add(probe);
        return ProbeJvm.run(memoryThenOptions, classpath, mainClass, args);
    }

    @Test
    void recordsTheLoadedClassesThenDumpsAnArchiveTheNextJvmMapsItsLibrariesFrom(@TempDir Path dir) throws Exception {
        List<Path> jars = RunnerClasspath.libraries();
        Path probe = probe(dir.resolve("probe"));
        ClassDataArchive archive = new ClassDataArchive(JAVA_HOME, MEMORY, jars, dir.resolve("cds"));
        Path recording = dir.resolve("recording.txt");

        List<String> first = archive.prepare(recording);
        assertEquals(List.of("-XX:DumpLoadedClassList=" + recording), first);
        assertTrue(run(first, jars, probe).contains("probe done"));
        archive.keep(recording, true);
        assertFalse(Files.exists(recording), "the recording is moved away");
        assertTrue(Files.readString(archive.classList()).contains("org/junit/platform/launcher/core/LauncherFactory"));
        assertFalse(Files.exists(archive.archive()), "no archive until a JVM needs one");

        List<String> second = archive.prepare(recording);
        assertTrue(Files.isRegularFile(archive.archive()), "the second JVM's preparation dumps the archive");
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.archive(), "-Xlog:cds=off",
                "-XX:DumpLoadedClassList=" + recording,
                "-D" + ModelCheck.CLASS_LIST_PROPERTY + "=" + archive.archivedClassList()), second);
        assertEquals(Files.readString(archive.classList()), Files.readString(archive.archivedClassList()),
                "the list the archive was dumped from is kept beside it");

        List<String> forced = new ArrayList<>(second);
        forced.add("-Xshare:on"); // fail rather than run without the archive
        forced.add("-Xlog:class+load=info");
        String output = run(forced, jars, probe);
        assertTrue(output.lines().anyMatch(line -> line.contains("org.junit.platform.launcher.core.LauncherFactory")
                && line.contains("shared objects file")), "the library class comes from the archive:\n" + output);
        String kept = Files.readString(archive.classList());
        archive.keep(recording, true);
        assertEquals(kept, Files.readString(archive.classList()),
                "a recording no richer than the list changes nothing");
        assertTrue(Files.exists(archive.archive()));

        // A JVM that loads more (here the Kotlin standard library) records a richer list: it replaces the kept one,
        // and the archive is dumped again from it for the next JVM.
        run(archive.prepare(recording), jars, probe, "more");
        archive.keep(recording, true);
        assertFalse(Files.exists(archive.archive()), "the archive of the poorer list is gone");
        assertTrue(Files.readString(archive.classList()).contains("kotlin/collections/CollectionsKt"));
        assertFalse(Files.readString(archive.archivedClassList()).contains("kotlin/collections/CollectionsKt"),
                "JVMs still running on the old archive are told its own list, not the richer one");
        assertEquals(second, archive.prepare(recording));
        assertTrue(Files.readString(archive.archivedClassList()).contains("kotlin/collections/CollectionsKt"));
        assertTrue(Files.isRegularFile(archive.archive()), "dumped again from the richer list");
    }

    /**
     * A probe in the model checker's package: loads its classes ahead (where {@code ModelCheck} would, before the
     * first check), then model checks two threads incrementing an atomic counter (right in every interleaving), then
     * a plain {@code int} field (an update lost in some), and says whether the second was caught.
     */
    private static final String MODEL_CHECKING_PROBE = "lockstep.modelcheck.Probe";

    private static Path modelCheckingProbe(Path dir) throws IOException {
        return JavaSources.compile(Map.of("lockstep/modelcheck/Probe.java", """
                package lockstep.modelcheck;
                import java.util.concurrent.atomic.AtomicInteger;
                public final class Probe {
                    static final class Plain {
                        int count;
                    }
                    static void twice(Runnable increment) {
                        Thread other = new Thread(increment);
                        other.start();
                        increment.run();
                        try {
                            other.join();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    public static void main(String[] args) {
                        System.out.println("loaded ahead: " + SharedClasses.loadOnce());
                        org.jetbrains.lincheck.Lincheck.runConcurrentTest(5, () -> {
                            AtomicInteger count = new AtomicInteger();
                            twice(count::incrementAndGet);
                            if (count.get() != 2) {
                                throw new AssertionError(count.get());
                            }
                        });
                        boolean caught = false;
                        try {
                            org.jetbrains.lincheck.Lincheck.runConcurrentTest(100, () -> {
                                Plain plain = new Plain();
                                twice(() -> plain.count++);
                                if (plain.count != 2) {
                                    throw new AssertionError("lost update: " + plain.count);
                                }
                            });
                        } catch (AssertionError e) {
                            caught = String.valueOf(e.getMessage()).contains("lost update");
                        }
                        System.out.println("lost update caught: " + caught);
                        System.out.println("probe done");
                    }
                }
                """), dir, RunnerClasspath.libraries());
    }

    /** How many classes a JVM's class loading log shows loaded, and how many of them from the archive. */
    private record Loads(long fromArchive, long all) {

        /** The loads of {@code packagePrefix}'s classes in {@code output}. */
        static Loads of(String output, String packagePrefix) {
            List<String> loads = output.lines().filter(line -> line.contains("[class,load]")
                    && line.contains(" " + packagePrefix)).toList();
            return new Loads(loads.stream().filter(line -> line.contains("shared objects file")).count(), loads.size());
        }

        @Override
        public String toString() {
            return fromArchive + " of " + all + " from the archive";
        }
    }

    @Test
    void theModelCheckersClassesComeFromTheArchiveThoughLincheckAppendsToTheBootClassPath(@TempDir Path dir)
            throws Exception {
        List<Path> jars = RunnerClasspath.libraries();
        Path probe = modelCheckingProbe(dir.resolve("probe"));
        ClassDataArchive archive = archiveIn(dir, JAVA_HOME);
        Path recording = dir.resolve("recording.txt");
        List<String> agent = List.of("-XX:+EnableDynamicAgentLoading", "-Djdk.attach.allowAttachSelf=true");

        List<String> recordOnly = new ArrayList<>(archive.prepare(recording));
        recordOnly.addAll(agent);
        assertTrue(runMain(MODEL_CHECKING_PROBE, recordOnly, jars, probe).contains("loaded ahead: 0"),
                "no archive, no class list yet");
        archive.keep(recording, true);
        List<String> onArchive = new ArrayList<>(archive.prepare(recording));
        assertTrue(onArchive.contains("-D" + ModelCheck.CLASS_LIST_PROPERTY + "=" + archive.archivedClassList()),
                "the test JVM is told which class list its archive holds: " + onArchive);
        onArchive.addAll(agent);
        onArchive.add("-Xshare:on");
        onArchive.add("-Xlog:class+load=info");

        String ahead = runMain(MODEL_CHECKING_PROBE, onArchive, jars, probe);
        assertTrue(ahead.contains("probe done"), ahead);
        if (ModelCheck.available()) { // Lincheck misses races on fields on JDK 25, where the grader does not use it
            assertTrue(ahead.contains("lost update caught: true"), "the model checker still finds the race:\n" + ahead);
        }
        Loads reflection = Loads.of(ahead, "kotlin.reflect.jvm.internal.");
        assertTrue(reflection.all() > 100 && reflection.fromArchive() >= reflection.all() * 9 / 10,
                "loaded ahead, Kotlin's reflection comes from the archive: " + reflection);

        List<String> notAhead = new ArrayList<>(onArchive);
        notAhead.add("-D" + ModelCheck.CLASS_LIST_PROPERTY + "="); // the grader's setting, taken away again
        String late = runMain(MODEL_CHECKING_PROBE, notAhead, jars, probe);
        assertTrue(late.contains("loaded ahead: 0") && late.contains("probe done"), late);
        assertTrue(late.contains("bootstrap classpath has been appended"), "Lincheck appends to the boot class path");
        if (ModelCheck.available()) {
            assertTrue(late.contains("lost update caught: true"), late);
        }
        Loads lateReflection = Loads.of(late, "kotlin.reflect.jvm.internal.");
        assertTrue(lateReflection.all() > 100 && lateReflection.fromArchive() < lateReflection.all() / 2,
                "loaded by the check, after Lincheck's append, they come from their jars: " + lateReflection);
    }

    @Test
    void keepsNoClassListFromAJvmThatDidNotFinishAndNoHalfLine(@TempDir Path dir) throws Exception {
        ClassDataArchive archive = archiveIn(dir, JAVA_HOME);
        Path recording = dir.resolve("recording.txt");
        archive.prepare(recording);

        Files.writeString(recording, "java/lang/Object id: 0\n");
        archive.keep(recording, false);
        assertFalse(Files.exists(archive.classList()), "a JVM that crashed early loaded too little to keep");
        assertFalse(Files.exists(recording));

        Files.writeString(recording, "java/lang/Object id: 0\njava/lang/Str");
        archive.keep(recording, true);
        assertEquals(List.of("java/lang/Object id: 0"), Files.readAllLines(archive.classList()),
                "a line the halted JVM did not finish is dropped");
    }

    @Test
    void aFailedDumpCostsOnlyTheSpeedUpAndIsNotTriedAgain(@TempDir Path dir) throws Exception {
        Path fakeHome = dir.resolve("jdk");
        Path java = Files.createDirectories(fakeHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ClassDataArchive archive = archiveIn(dir, fakeHome);
        Path recording = dir.resolve("recording.txt");
        archive.prepare(recording);
        Files.writeString(recording, "java/lang/Object id: 0\n");
        archive.keep(recording, true);

        assertEquals(List.of(), archive.prepare(recording), "no archive, no recording: the JVM runs as before");
        assertTrue(Files.readString(archive.failure()).contains("exited with 3"));
        assertFalse(Files.exists(archive.archive()));
        assertEquals(List.of(), archive.prepare(recording));
    }

    @Test
    void switchedOffTheTestJvmGetsNoOptions(@TempDir Path dir) throws Exception {
        ClassDataArchive archive = archiveIn(dir, JAVA_HOME);
        String before = System.getProperty(ClassDataArchive.PROPERTY);
        System.setProperty(ClassDataArchive.PROPERTY, "false");
        try {
            assertEquals(List.of(), archive.prepare(dir.resolve("recording.txt")));
        } finally {
            if (before == null) {
                System.clearProperty(ClassDataArchive.PROPERTY);
            } else {
                System.setProperty(ClassDataArchive.PROPERTY, before);
            }
        }
    }

    @Test
    void anotherJarOrJdkGetsAnArchiveOfItsOwn(@TempDir Path dir) {
        List<Path> jars = RunnerClasspath.libraries();
        Path cds = dir.resolve("cds");
        ClassDataArchive all = new ClassDataArchive(JAVA_HOME, MEMORY, jars, cds);
        assertEquals(all.archive(), new ClassDataArchive(JAVA_HOME, MEMORY, jars, cds).archive());
        assertFalse(all.archive().equals(
                new ClassDataArchive(JAVA_HOME, MEMORY, jars.subList(1, jars.size()), cds).archive()));
        assertFalse(all.archive().equals(new ClassDataArchive(dir, MEMORY, jars, cds).archive()));
        assertFalse(all.archive().equals(new ClassDataArchive(JAVA_HOME, List.of("-Xmx64g"), jars, cds).archive()),
                "a heap past 32 GB turns compressed pointers off, which an archive must match");
    }
}
