package lockstep.batch;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import lockstep.gradebook.GradebookEntry;
import lockstep.gradebook.GradebookWriter;
import lockstep.grade.Grader;
import lockstep.model.GradeResult;
import lockstep.model.TestStatus;
import lockstep.report.Format;
import lockstep.report.ResultJson;

/**
 * Grades every submission folder of a class into one result folder each, then writes the gradebook. A submission
 * whose folder already holds a {@code result.json} was graded by an earlier run and is not graded again (unless
 * asked to regrade): {@code result.json} is written last and atomically, so a batch killed at any point resumes
 * where it stopped and never trusts a half-written result. One bad submission never stops the batch.
 */
public final class BatchGrading {

    /**
     * What the default number of jobs keeps back of the machine's memory: the grader's own JVM (its heap is not capped;
     * 1.2 to 1.3 GB resident in a batch of 100 at two and three jobs on a machine of 24 GB) and everything else.
     */
    static final long BYTES_KEPT_BACK = 2L << 30;

    private final Grader grader;
    private final Set<Format> formats;
    private final int jobs;
    private final boolean regrade;

    /**
     * @param jobs    how many submissions are graded at once
     * @param regrade grade again submissions that already have a result
     */
    public BatchGrading(Grader grader, Set<Format> formats, int jobs, boolean regrade) {
        this.grader = grader;
        this.formats = formats;
        this.jobs = jobs;
        this.regrade = regrade;
    }

    /**
     * The default number of parallel jobs on this machine, for test JVMs of {@code heapMb}:
     * {@link #defaultJobs(int, long, int)} of its cores and memory.
     */
    public static int defaultJobs(int heapMb) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getTotalMemorySize() : Long.MAX_VALUE;
        return defaultJobs(Runtime.getRuntime().availableProcessors(), memory, heapMb);
    }

    /**
     * One job per core, as many as {@code memoryBytes} holds (after {@link #BYTES_KEPT_BACK}) at twice the test JVM's
     * heap each (its heap, and as much again for its threads, code and class data), at least one.
     *
     * <p>Stress runs take turns on the machine (one at a time for every two cores, see the API's {@code StressTurn}),
     * so a stress run shares the cores only with the other jobs' lighter steps: compiling, model checking, a JVM
     * starting. Every stress verdict is also checked against a known-racy canary on the loaded machine and comes out
     * {@code inconclusive} where the canary is not caught, and such a submission is graded again alone at the end of
     * the batch. One job more than the cores was faster, but its lighter steps still took a core from a stress run
     * often enough to let a race through that one job per core caught (see the README, Grade a class, for what one,
     * two and three jobs measured on 2 cores).
     */
    static int defaultJobs(int cores, long memoryBytes, int heapMb) {
        long perJob = 2L * heapMb * (1L << 20);
        long byMemory = Math.max(0, memoryBytes - BYTES_KEPT_BACK) / perJob;
        return (int) Math.max(1, Math.min(cores, byMemory));
    }

    /** The submission folders of {@code dir}: every subfolder, sorted by name. */
    public static List<Path> submissions(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** Grades each folder of {@code submissions} into {@code out/<name>} and writes the gradebook into {@code out}. */
    public List<GradebookEntry> grade(List<Path> submissions, Optional<Path> base, Path out, Progress progress)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        progress.start(submissions.size());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<GradebookEntry>> entries = new ArrayList<>();
        try {
            for (Path submission : submissions) {
                entries.add(pool.submit(() -> gradeOne(submission, base, out, progress)));
            }
            List<GradebookEntry> gradebook = new ArrayList<>();
            for (Future<GradebookEntry> entry : entries) {
                try {
                    gradebook.add(entry.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("grading failed unexpectedly", e.getCause());
                }
            }
            gradeAloneWhereInconclusive(submissions, base, out, progress, gradebook);
            GradebookWriter.write(gradebook, out);
            progress.finish();
            return gradebook;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Grades again, one at a time, the submissions whose result has an inconclusive test, where the batch graded
     * several at once: a stress test is inconclusive where its known-racy canary went uncaught on the loaded machine
     * (a neighbour's threads that spin outside the stress turns), and alone the machine can tell (measured: 3 of a
     * class of 100 at three jobs on 2 cores, 0 of 300 gradings at one job). Also after a resumed batch, so a batch
     * killed in this step finishes it when started again. Replaces their entries in {@code gradebook}.
     */
    private void gradeAloneWhereInconclusive(List<Path> submissions, Optional<Path> base, Path out, Progress progress,
            List<GradebookEntry> gradebook) {
        if (jobs == 1) {
            return;
        }
        List<Integer> unsure = new ArrayList<>();
        for (int i = 0; i < gradebook.size(); i++) {
            if (gradebook.get(i).result().map(BatchGrading::inconclusive).orElse(false)) {
                unsure.add(i);
            }
        }
        if (unsure.isEmpty()) {
            return;
        }
        progress.again(unsure.size(), jobs);
        for (int i : unsure) {
            gradebook.set(i, gradeOne(submissions.get(i), base, out, progress, true));
        }
    }

    /** Whether a test of {@code result} was inconclusive. */
    static boolean inconclusive(GradeResult result) {
        return inconclusiveTests(result) > 0;
    }

    /** How many tests of {@code result} were inconclusive. */
    static int inconclusiveTests(GradeResult result) {
        return (int) result.tasks().stream().flatMap(task -> task.tests().stream())
                .filter(test -> test.status() == TestStatus.INCONCLUSIVE).count();
    }

    private GradebookEntry gradeOne(Path submission, Optional<Path> base, Path out, Progress progress) {
        return gradeOne(submission, base, out, progress, false);
    }

    private GradebookEntry gradeOne(Path submission, Optional<Path> base, Path out, Progress progress,
            boolean again) {
        String student = submission.getFileName().toString();
        Path dir = out.resolve(student);
        progress.begin(student);
        try {
            Path saved = dir.resolve(ResultJson.FILE);
            if (!regrade && !again && Files.isRegularFile(saved)) {
                GradeResult result = ResultJson.read(saved);
                progress.done(student, result, true);
                return GradebookEntry.graded(student, result);
            }
            GradeResult result = grader.grade(submission, base);
            Set<Format> perStudent = new java.util.HashSet<>(formats);
            perStudent.remove(Format.CONSOLE);
            perStudent.remove(Format.AUTOLAB);
            perStudent.add(Format.HTML);
            Format.renderAll(result, perStudent, dir, new PrintWriter(java.io.Writer.nullWriter()), Map.of());
            progress.done(student, result, false);
            return GradebookEntry.graded(student, result);
        } catch (IOException | RuntimeException e) {
            progress.failed(student, e);
            return GradebookEntry.ungraded(student, "could not be graded: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GradebookEntry.ungraded(student, "grading was interrupted");
        }
    }

    /** Reports a batch's progress; called from the grading threads. */
    public interface Progress {
        void start(int total);

        void begin(String student);

        void done(String student, GradeResult result, boolean resumed);

        void failed(String student, Exception problem);

        /** {@code count} submissions are graded again, one at a time, after the batch's {@code jobs} at once. */
        void again(int count, int jobs);

        void finish();

        /** Plain lines, or a bar redrawn in place on a terminal. */
        static Progress to(PrintWriter out, boolean terminal) {
            return new ProgressReport(out, terminal);
        }
    }
}
