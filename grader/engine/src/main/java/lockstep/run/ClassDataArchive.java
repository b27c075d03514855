package lockstep.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lockstep.modelcheck.ModelCheck;

/**
 * Class data sharing (AppCDS) for the test JVM: an archive of the classes every test JVM loads (the JUnit Platform,
 * ArchUnit, Lincheck and Kotlin, the JDK's own), parsed and verified once, so each test JVM maps them in instead of
 * loading thousands of classes again.
 *
 * <p>The archive builds itself from use, in a folder beside the libraries:
 * <ol>
 *   <li>a test JVM with no archive yet records the classes it loads ({@code -XX:DumpLoadedClassList}); the list is
 *       kept once that JVM has run all its tests;</li>
 *   <li>the next test JVM first dumps the archive from that list ({@code -Xshare:dump}, a few seconds, once) and
 *       then runs on it ({@code -XX:SharedArchiveFile}), like every test JVM after it.</li>
 * </ol>
 * Test JVMs that use the archive keep recording, and a recording half as long again as the kept list replaces it and
 * has the archive dumped anew: an archive recorded by a test JVM that ran little (a grader unit test, a submission
 * with one task) grows into one of a whole grading. A grading whose only test JVM recorded never pays for a dump; a
 * batch pays at its second submission. The archive holds the libraries only (never the suite or a submission: they
 * are not on the class path it is dumped with), is dumped with the test JVM's heap and collector settings, and is
 * named by a digest of the JDK, those settings and every library jar (path, size, time), so a rebuilt library or
 * another JDK gets its own.
 * Anything that goes wrong here only costs the speed-up: the test JVM then runs without the archive, as before.
 * {@code -Dlockstep.classDataSharing=false} on the grader switches it off.
 */
public final class ClassDataArchive {

    /** The grader's system property that switches the archive off when {@code false}. */
    public static final String PROPERTY = "lockstep.classDataSharing";

    /** How long dumping an archive may take before it is given up (seen: about 4 s on 2 cores). */
    private static final long DUMP_LIMIT_SECONDS = 120;

    /** How much longer than the kept class list a recording must be to replace it (and the archive dumped from it). */
    static final double RICHER = 1.5;

    private final Path javaHome;
    private final List<String> vmOptions;
    private final List<Path> jars;
    private final Path folder;
    private final String key;

    /**
     * @param javaHome  the JDK of the test JVM
     * @param vmOptions the test JVM's heap and collector options, which an archive must be dumped with
     * @param jars      the libraries: the first entries of the test JVM's class path
     * @param folder    where the class list and the archive are kept
     */
    ClassDataArchive(Path javaHome, List<String> vmOptions, List<Path> jars, Path folder) {
        this.javaHome = javaHome;
        this.vmOptions = List.copyOf(vmOptions);
        this.jars = List.copyOf(jars);
        this.folder = folder;
        this.key = digest(javaHome, this.vmOptions, this.jars);
    }

    /** The archive of the test JVM's libraries ({@code jars}), kept in the grader's {@code cds} folder. */
    static ClassDataArchive forLibraries(Path javaHome, List<String> vmOptions, List<Path> jars) {
        return new ClassDataArchive(javaHome, vmOptions, jars, RunnerClasspath.besideGrader("cds"));
    }

    Path archive() {
        return folder.resolve(key + ".jsa");
    }

    Path classList() {
        return folder.resolve(key + ".classlist");
    }

    /**
     * The class list the archive was dumped from, kept beside it: the test JVM loads the model checker's classes
     * named there ahead of its first check ({@link ModelCheck#CLASS_LIST_PROPERTY}). Not {@link #classList()}, which a
     * richer recording may replace while test JVMs still run on the archive dumped from the one before.
     */
    Path archivedClassList() {
        return folder.resolve(key + ".jsa.classlist");
    }

    /** Where a failed dump says why, so it is not tried again for these libraries and this JDK. */
    Path failure() {
        return folder.resolve(key + ".failed");
    }

    /**
     * Gets ready for the next test JVM: dumps the archive where a class list was recorded and there is no archive yet.
     *
     * @return the JVM options that use the archive and record a class list into {@code recording} (a file of this
     *         run's own, to {@link #keep} when the JVM has ended), only record where there is no archive yet, or none
     * @throws InterruptedException where the grader is stopped while the archive is dumped
     */
    List<String> prepare(Path recording) throws InterruptedException {
        synchronized (ClassDataArchive.class) {
            try {
                if ("false".equals(System.getProperty(PROPERTY)) || Files.exists(failure())) {
                    return List.of();
                }
                if (!Files.exists(archive()) && Files.exists(classList()) && !dump()) {
                    return List.of();
                }
                Files.createDirectories(folder);
                String record = "-XX:DumpLoadedClassList=" + recording;
                if (!Files.exists(archive())) {
                    return List.of(record);
                }
                List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive(), "-Xlog:cds=off",
                        record));
                if (Files.exists(archivedClassList())) {
                    options.add("-D" + ModelCheck.CLASS_LIST_PROPERTY + "=" + archivedClassList());
                }
                return List.copyOf(options);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }

    /**
     * Keeps the class list a test JVM recorded into {@code recording} (where {@link #prepare} asked it to), if that JVM
     * ran all its tests ({@code complete}: a JVM that crashed early loaded too few classes to be worth an archive) and
     * no list was kept before, or the one kept is shorter by {@value #RICHER} times: then the archive made from it is
     * deleted, for the next test JVM to dump anew. The recording is deleted either way.
     */
    void keep(Path recording, boolean complete) {
        synchronized (ClassDataArchive.class) {
            try {
                if (complete && Files.isRegularFile(recording)) {
                    // The JVM was halted, maybe in the middle of a line: keep whole lines only.
                    String text = Files.readString(recording, StandardCharsets.UTF_8);
                    String lines = text.substring(0, text.lastIndexOf('\n') + 1);
                    long count = lines.lines().count();
                    if (count > 0 && (!Files.exists(classList())
                            || count > RICHER * Files.readAllLines(classList(), StandardCharsets.UTF_8).size())) {
                        Path whole = folder.resolve(key + "." + UUID.randomUUID() + ".classlist");
                        Files.writeString(whole, lines, StandardCharsets.UTF_8);
                        Files.move(whole, classList(), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                        Files.deleteIfExists(archive());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no class list this time: the next test JVM records one
            } finally {
                try {
                    Files.deleteIfExists(recording);
                } catch (IOException e) {
                    // left in the run's scratch folder
                }
            }
        }
    }

    /**
     * Dumps the archive from the class list: written under a name of its own, then moved into place whole.
     *
     * @return whether it worked; where not, {@link #failure()} says why
     */
    private boolean dump() throws IOException, InterruptedException {
        String name = key + "." + UUID.randomUUID();
        Path partial = folder.resolve(name + ".jsa");
        Path log = folder.resolve(name + ".dump.log");
        Path list = folder.resolve(name + ".jsa.classlist");
        Files.copy(classList(), list);
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        command.addAll(vmOptions);
        command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + partial,
                "-cp", jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear(); // as the test JVM's: no JAVA_TOOL_OPTIONS that would make the two differ
        Process process = builder.start();
        boolean ended;
        try {
            ended = process.waitFor(DUMP_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Files.deleteIfExists(partial);
            Files.deleteIfExists(list);
            throw e;
        }
        if (!ended) {
            process.destroyForcibly();
        }
        if (ended && process.exitValue() == 0 && Files.isRegularFile(partial)) {
            // The list first: where there is an archive, the list it was dumped from is beside it.
            Files.move(list, archivedClassList(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, archive(), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(log);
            return true;
        }
        Files.deleteIfExists(partial);
        Files.deleteIfExists(list);
        Files.writeString(failure(), (ended ? "java -Xshare:dump exited with " + process.exitValue()
                : "java -Xshare:dump took over " + DUMP_LIMIT_SECONDS + " s") + "; its output: " + log + "\n");
        return false;
    }

    /** A name for these libraries on this JDK: a digest of the JDK's home and modules, the options and each jar. */
    private static String digest(Path javaHome, List<String> vmOptions, List<Path> jars) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(javaHome.toAbsolutePath().normalize().toString());
            text.append('\n').append(stamp(javaHome.resolve("lib").resolve("modules")).orElse("-"));
            text.append('\n').append(String.join(" ", vmOptions));
            for (Path jar : jars) {
                text.append('\n').append(jar.toAbsolutePath().normalize()).append(' ').append(stamp(jar).orElse("-"));
            }
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<String> stamp(Path file) {
        try {
            return Optional.of(Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
