package lockstep.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import lockstep.model.GradeResult;
import lockstep.report.ResultJson;
import lockstep.run.ClassDataArchive;
import lockstep.run.RunLimits;

/**
 * Batch benchmark (not a test): grades a generated class of N submissions (the bundled samples and the bug corpus,
 * round robin, over the reference) with the hidden suite, with {@code --jobs 1} and the default number of jobs, each in
 * a grader JVM of its own, as {@code ./grade --batch} runs. Prints, per run: wall time, submissions per minute, the
 * CPU time a submission took (the grader's and every test JVM's, user and system, from {@code /proc}) and how busy that
 * kept the cores, the grader process's peak resident memory, the largest test JVM's, and how many stress verdicts came out inconclusive
 * (more jobs than the cores allow make the canaries miss). A {@code --jobs} value followed by {@code /no-cds} runs the
 * grader with {@code -Dlockstep.classDataSharing=false}: its test JVMs load every class as they did before the class
 * data archive, for a comparison in one run.
 *
 * <p>Run: {@code ./mvnw -q -pl grader/engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=lockstep.batch.BatchBenchmark -Dexec.args="20 1,2"} (N, default 100; the
 * {@code --jobs} values to measure, default 1 and the default; {@code "1/no-cds,1"} compares the class data archive
 * off and on). CPU time and peak memory are read from {@code /proc} and shown only on Linux.
 */
public final class BatchBenchmark {

    private static final List<String> SAMPLES = List.of("reference", "racy-counter", "deadlock-bank",
            "compile-error");
    private static final Duration SAMPLING = Duration.ofMillis(200);
    private static final long CLOCK_TICKS = clockTicks();
    /** The throughput target (issue #5): a class of {@value #TARGET_CLASS} in {@value #TARGET_SECONDS} s. */
    private static final int TARGET_CLASS = 100;
    private static final int TARGET_SECONDS = 600;

    private final PrintStream out;

    private BatchBenchmark(PrintStream out) {
        this.out = out;
    }

    /** One grading run's numbers. */
    record Measurement(Configuration configuration, int submissions, Duration wall, double cpuSeconds,
                       long graderPeakKb, long testJvmPeakKb, int inconclusive, int graded,
                       Map<String, Integer> scores) {

        double perMinute() {
            return submissions * 60_000.0 / Math.max(1, wall.toMillis());
        }

        /** The share of the machine's cores the run kept busy, from 0 to 1. */
        double busy() {
            return cpuSeconds / (wall.toMillis() / 1000.0 * Runtime.getRuntime().availableProcessors());
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        List<Configuration> jobs = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(Configuration::parse).toList()
                : Stream.of(1, BatchGrading.defaultJobs(RunLimits.defaults().heapMb())).distinct()
                        .map(count -> new Configuration(count, true)).toList();
        new BatchBenchmark(System.out).run(n, jobs);
    }

    /**
     * One grading run's settings.
     *
     * @param jobs             {@code --jobs}
     * @param classDataSharing whether the test JVMs use the class data archive
     */
    record Configuration(int jobs, boolean classDataSharing) {

        static Configuration parse(String text) {
            String[] parts = text.strip().split("/", 2);
            if (parts.length == 2 && !parts[1].equals("no-cds")) {
                throw new IllegalArgumentException("a --jobs value is N or N/no-cds, not " + text);
            }
            return new Configuration(Integer.parseInt(parts[0]), parts.length == 1);
        }

        @Override
        public String toString() {
            return jobs + (classDataSharing ? "" : " (no class data archive)");
        }
    }

    private void run(int n, List<Configuration> configurations) throws IOException, InterruptedException {
        Path repo = GraderProcess.repository();
        Path work = Files.createTempDirectory("lockstep-batch-benchmark");
        Path batch = generate(repo, work.resolve("class"), n);
        int defaultJobs = BatchGrading.defaultJobs(RunLimits.defaults().heapMb());
        out.printf(Locale.ROOT, "%d submissions (the samples %s, then the %d entries of the bug corpus, round robin, "
                        + "over solutions/), hidden suite, JDK %s, %d cores; "
                        + "test JVM heap cap %d MB (--heap), one test JVM per submission (one per task after a task"
                        + " that ends it or leaves threads running)%n", n,
                String.join(", ", SAMPLES), sources(repo).size() - SAMPLES.size(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                RunLimits.defaults().heapMb());
        out.println("| jobs | wall | submissions / minute | s / submission | CPU s / submission | cores busy "
                + "| grader peak RSS | largest test JVM RSS | inconclusive verdicts | graded |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            Measurement m = grade(repo, batch, work.resolve("out-" + i), work, configurations.get(i));
            measurements.add(m);
            out.printf(Locale.ROOT, "| %s | %d s | %.1f | %.1f | %s | %s | %s | %s | %d | %d / %d |%n",
                    m.configuration(), m.wall().toSeconds(), m.perMinute(), m.wall().toMillis() / 1000.0 / n,
                    m.cpuSeconds() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", m.cpuSeconds() / n),
                    m.cpuSeconds() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * m.busy()),
                    megabytes(m.graderPeakKb()), megabytes(m.testJvmPeakKb()), m.inconclusive(), m.graded(),
                    m.submissions());
            if (i > 0) {
                out.printf(Locale.ROOT, "  wall time against the first run: %.2fx%n",
                        (double) m.wall().toMillis() / measurements.get(0).wall().toMillis());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "%d submissions in %d min on %d cores leave %.1f CPU s a submission, with every core "
                + "busy all the time%n", TARGET_CLASS, TARGET_SECONDS / 60, cores,
                (double) cores * TARGET_SECONDS / TARGET_CLASS);
        out.println("The default here is " + defaultJobs + (defaultJobs == 1 ? " job" : " jobs") + " ("
                + Runtime.getRuntime().availableProcessors() + " cores).");
        for (Measurement m : measurements.subList(1, measurements.size())) {
            List<String> differ = m.scores().keySet().stream()
                    .filter(id -> !m.scores().get(id).equals(measurements.get(0).scores().get(id))).toList();
            out.printf(Locale.ROOT, "--jobs %s: %d of %d scores differ from the --jobs %s run%s%n", m.configuration(),
                    differ.size(), m.scores().size(), measurements.get(0).configuration(),
                    differ.isEmpty() ? "" : ": " + String.join(", ", differ));
        }
        for (Measurement m : measurements) {
            out.printf(Locale.ROOT, "100 submissions at --jobs %s: about %d min (from this run, linear in N)%n",
                    m.configuration(), Math.round(m.wall().toSeconds() * 100.0 / n / 60.0));
        }
        out.println("Submissions and results: " + work);
    }

    /**
     * The submissions a generated class is drawn from: the samples, then every entry of the bug corpus
     * ({@code grader/corpus/}, buggy and correct), in name order.
     */
    static List<Path> sources(Path repo) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String sample : SAMPLES) {
            sources.add(repo.resolve("grader/samples").resolve(sample));
        }
        Path corpus = repo.resolve("grader/corpus");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> entries = Files.list(corpus)) {
                entries.filter(Files::isDirectory).sorted().forEach(sources::add);
            }
        }
        return sources;
    }

    /** {@code n} submission folders, each a copy of a sample or corpus entry, named {@code s001-reference} and so on. */
    private static Path generate(Path repo, Path batch, int n) throws IOException {
        List<Path> sources = sources(repo);
        for (int i = 0; i < n; i++) {
            Path from = sources.get(i % sources.size());
            String sample = from.getFileName().toString();
            Path to = batch.resolve(String.format(Locale.ROOT, "s%03d-%s", i + 1, sample));
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        return batch;
    }

    private Measurement grade(Path repo, Path batch, Path results, Path work, Configuration configuration)
            throws IOException, InterruptedException {
        int jobs = configuration.jobs();
        List<String> args = List.of("--batch", batch.toString(), "--out", results.toString(), "--suite", "hidden",
                "--base", repo.resolve("solutions").toString(), "--jobs", String.valueOf(jobs));
        Path stdout = results.resolveSibling(results.getFileName() + ".out");
        Path stderr = results.resolveSibling(results.getFileName() + ".err");
        double cpuBefore = childrenCpuSeconds();
        long start = System.nanoTime();
        Process grader = GraderProcess.start(configuration.classDataSharing() ? List.of()
                : List.of("-D" + ClassDataArchive.PROPERTY + "=false"), args, stdout, stderr);
        long graderPeak = 0;
        long testJvmPeak = 0;
        while (!grader.waitFor(SAMPLING.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            graderPeak = Math.max(graderPeak, kilobytes(grader.pid(), "VmHWM"));
            for (ProcessHandle testJvm : grader.descendants().toList()) {
                testJvmPeak = Math.max(testJvmPeak, kilobytes(testJvm.pid(), "VmHWM"));
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        double cpu = cpuBefore < 0 ? -1 : childrenCpuSeconds() - cpuBefore;
        if (grader.exitValue() != 0) {
            throw new IllegalStateException("the grader failed (exit " + grader.exitValue() + "):\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        int inconclusive = 0;
        int graded = 0;
        Map<String, Integer> scores = new TreeMap<>();
        for (Path submission : BatchGrading.submissions(batch)) {
            Path saved = results.resolve(submission.getFileName().toString()).resolve(ResultJson.FILE);
            if (Files.isRegularFile(saved)) {
                GradeResult grade = ResultJson.read(saved);
                graded++;
                scores.put(submission.getFileName().toString(), grade.score());
                inconclusive += BatchGrading.inconclusiveTests(grade);
            }
        }
        return new Measurement(configuration, BatchGrading.submissions(batch).size(), wall, cpu, graderPeak,
                testJvmPeak, inconclusive, graded, scores);
    }

    /**
     * The CPU time (user and system) of every child process this JVM has waited for, and of theirs in turn: the
     * grader and every test JVM and compiler it started, from {@code /proc/self/stat}; -1 where there is none (not
     * Linux).
     */
    private static double childrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // After the command name in parentheses: field 3 (state) onwards; cutime and cstime are fields 16 and 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The kernel's clock ticks per second, which {@code /proc} counts CPU time in ({@code getconf CLK_TCK}). */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String ticks = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(ticks) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, or 0 where there is none (not Linux, or the process ended). */
    private static long kilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static String megabytes(long kb) {
        return kb == 0 ? "n/a" : (kb / 1024) + " MB";
    }
}
