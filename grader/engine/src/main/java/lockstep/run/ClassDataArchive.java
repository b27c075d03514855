package lockstep.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Class data sharing (AppCDS) for the test JVM: an archive of the classes every test JVM loads (the JUnit Platform,
 * ArchUnit, Lincheck and Kotlin, the JDK's own), parsed and verified once, so each test JVM maps them in instead of
 * loading thousands of classes again.
 *
 * <p>The archive builds itself from use, in a folder beside the libraries:
 * <ol>
 *   <li>a test JVM with no archive yet records the classes it loads ({@code -XX:DumpLoadedClassList});</li>
 *   <li>the next test JVM first dumps the archive from that list ({@code -Xshare:dump}, a few seconds, once) and
 *       then runs on it ({@code -XX:SharedArchiveFile}), like every test JVM after it.</li>
 * </ol>
 * A single grading never pays for the dump; a batch pays once, at its second submission. The archive holds the
 * libraries only (never the suite or a submission: they are not on the class path it is dumped with) and is named by
 * a digest of the JDK and of every library jar (path, size, time), so a rebuilt library or another JDK gets its own.
 * Anything that goes wrong here only costs the speed-up: the test JVM then runs without the archive, as before.
 * {@code -Dlockstep.classDataSharing=false} on the grader switches it off.
 */
public final class ClassDataArchive {

    /** The grader's system property that switches the archive off when {@code false}. */
    public static final String PROPERTY = "lockstep.classDataSharing";

    /** How long dumping an archive may take before it is given up (seen: about 4 s on 2 cores). */
    private static final long DUMP_LIMIT_SECONDS = 120;

    private final Path javaHome;
    private final List<Path> jars;
    private final Path folder;
    private final String key;

    ClassDataArchive(Path javaHome, List<Path> jars, Path folder) {
        this.javaHome = javaHome;
        this.jars = List.copyOf(jars);
        this.folder = folder;
        this.key = digest(javaHome, this.jars);
    }

    /** The archive of the test JVM's libraries ({@code jars}, the first entries of its class path). */
    static ClassDataArchive forLibraries(Path javaHome, List<Path> jars) {
        Path lib = jars.isEmpty() ? Path.of("lib") : jars.get(0).toAbsolutePath().getParent();
        return new ClassDataArchive(javaHome, jars, lib.resolveSibling("cds"));
    }

    Path archive() {
        return folder.resolve(key + ".jsa");
    }

    Path classList() {
        return folder.resolve(key + ".classlist");
    }

    /** Where a failed dump says why, so it is not tried again for these libraries and this JDK. */
    Path failure() {
        return folder.resolve(key + ".failed");
    }

    /**
     * Gets ready for the next test JVM: dumps the archive where a class list was recorded and there is no archive yet.
     *
     * @return the JVM options that use the archive, or that record a class list into {@code recording} (a file of
     *         this run's own, to {@link #keep} when the JVM has ended), or none
     */
    List<String> prepare(Path recording) {
        synchronized (ClassDataArchive.class) {
            try {
                if ("false".equals(System.getProperty(PROPERTY)) || Files.exists(failure())) {
                    return List.of();
                }
                if (!Files.exists(archive()) && Files.exists(classList()) && !dump()) {
                    return List.of();
                }
                if (Files.exists(archive())) {
                    return List.of("-XX:SharedArchiveFile=" + archive(), "-Xlog:cds=off");
                }
                Files.createDirectories(folder);
                return List.of("-XX:DumpLoadedClassList=" + recording);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }

    /**
     * Keeps the class list a test JVM recorded into {@code recording} (where {@link #prepare} asked it to), if that JVM
     * ran all its tests ({@code complete}: a JVM that crashed early loaded too few classes to be worth an archive) and
     * no other list was kept first; the recording is deleted either way.
     */
    void keep(Path recording, boolean complete) {
        synchronized (ClassDataArchive.class) {
            try {
                if (complete && Files.isRegularFile(recording) && !Files.exists(classList())) {
                    // The JVM was halted, maybe in the middle of a line: keep whole lines only.
                    String text = Files.readString(recording, StandardCharsets.UTF_8);
                    String lines = text.substring(0, text.lastIndexOf('\n') + 1);
                    if (!lines.isEmpty()) {
                        Path whole = folder.resolve(key + "." + UUID.randomUUID() + ".classlist");
                        Files.writeString(whole, lines, StandardCharsets.UTF_8);
                        Files.move(whole, classList(), StandardCopyOption.ATOMIC_MOVE);
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
    private boolean dump() throws IOException {
        Path partial = folder.resolve(key + "." + UUID.randomUUID() + ".jsa");
        Path log = folder.resolve(key + ".dump.log");
        List<String> command = List.of(javaHome.resolve("bin").resolve("java").toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList(), "-XX:SharedArchiveFile=" + partial,
                "-cp", jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended;
        try {
            ended = process.waitFor(DUMP_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dumping the class data archive", e);
        }
        if (!ended) {
            process.destroyForcibly();
        }
        if (ended && process.exitValue() == 0 && Files.isRegularFile(partial)) {
            Files.move(partial, archive(), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(log);
            return true;
        }
        Files.deleteIfExists(partial);
        Files.writeString(failure(), (ended ? "java -Xshare:dump exited with " + process.exitValue()
                : "java -Xshare:dump took over " + DUMP_LIMIT_SECONDS + " s") + "; its output: " + log + "\n");
        return false;
    }

    /** A name for these libraries on this JDK: a digest of the JDK's home and modules, and of each jar. */
    private static String digest(Path javaHome, List<Path> jars) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(javaHome.toAbsolutePath().normalize().toString());
            text.append('\n').append(stamp(javaHome.resolve("lib").resolve("modules")).orElse("-"));
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
