package lockstep.grade;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lockstep.check.SandboxGate;
import lockstep.check.Violation;
import lockstep.collect.CollectedSubmission;
import lockstep.collect.SubmissionCollector;
import lockstep.collect.SubmissionLayoutException;
import lockstep.collect.Task;
import lockstep.compile.CompiledSubmission;
import lockstep.compile.CompiledTask;
import lockstep.compile.SubmissionCompiler;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.run.RunLimits;
import lockstep.run.RunRecord;
import lockstep.run.TaskRun;
import lockstep.score.Scorer;
import lockstep.suite.GradedTest;
import lockstep.suite.Suite;

/**
 * Grades one submission end to end: collect, compile, check, run, score. Each task is graded on its own, so a task
 * that does not compile, breaks a rule, crashes or hangs costs only its own points: the tasks' tests share one test
 * JVM, and a task that crashes it, or leaves threads running, sends the tasks after it to a JVM of their own. Returns the grade; the reports
 * are rendered from it (see {@link lockstep.report.Format}).
 */
public final class Grader {

    private final Suite suite;
    private final RunLimits limits;
    private final Set<Task> tasks;
    private final PrintWriter log;
    private final SubmissionCollector collector = new SubmissionCollector();
    private final SubmissionCompiler compiler = new SubmissionCompiler();
    private final boolean jvmPerTask;

    /**
     * @param suite  the suite whose tests grade the submission
     * @param limits the test JVM's limits
     * @param tasks  the tasks to grade (all of them when empty)
     * @param log    progress lines for the instructor (never part of the feedback)
     */
    public Grader(Suite suite, RunLimits limits, Set<Task> tasks, PrintWriter log) {
        this(suite, limits, tasks, log, false);
    }

    private Grader(Suite suite, RunLimits limits, Set<Task> tasks, PrintWriter log, boolean jvmPerTask) {
        this.suite = suite;
        this.limits = limits;
        this.tasks = tasks.isEmpty() ? EnumSet.allOf(Task.class) : EnumSet.copyOf(tasks);
        this.log = log;
        this.jvmPerTask = jvmPerTask;
    }

    /**
     * This grader, running each task's tests in a test JVM of its own instead of one JVM for the whole submission:
     * slower (each JVM starts and warms up again), with nothing a task's code did able to touch another task's run.
     */
    public Grader withJvmPerTask() {
        return new Grader(suite, limits, tasks, log, true);
    }

    /**
     * Grades the submission in {@code dir}.
     *
     * @param base where present, task files the submission lacks are taken from this tree (bundled samples)
     */
    public GradeResult grade(Path dir, Optional<Path> base) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String name = dir.getFileName() == null ? "submission" : dir.getFileName().toString();
        Stopwatch watch = new Stopwatch();
        Path work = Files.createTempDirectory("lockstep-" + sanitized(name) + "-");
        try {
            log.println("grading " + name + " with the " + suite.name() + " suite");
            log.flush();
            CollectedSubmission collected = null;
            String layoutProblem = "";
            try {
                collected = collect(dir, base);
            } catch (SubmissionLayoutException e) {
                layoutProblem = e.getMessage();
            }
            List<TaskResult> results = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            Map<String, String> environmentOfRun = new LinkedHashMap<>();
            if (collected == null) {
                for (Task task : this.tasks) {
                    results.add(Scorer.notRun(task.id(), TaskStatus.COMPILE_ERROR, layoutProblem,
                            suite.testsOf(task.id())));
                }
            } else {
                ignored.addAll(collected.ignoredLines());
                CollectedSubmission sources = collected;
                CompiledSubmission compiled = watch.time("compile",
                        () -> compiler.compile(sources, work.resolve("classes")));
                results.addAll(gradeTasks(compiled, work, watch, environmentOfRun));
            }
            Map<String, String> environment = environment();
            environment.putAll(environmentOfRun);
            environment.putAll(watch.millis());
            if (collected != null) {
                environment.put("source_root", sourcePrefix(dir, collected.sourceRoot()));
            }
            GradeResult result = GradeResult.of(name, suite.name(), (System.nanoTime() - start) / 1_000_000,
                    results, ignored, environment);
            log.printf("  %s: %d / %d%n", name, result.score(), result.maxScore());
            log.flush();
            return result;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Grades every task: a task that does not compile or breaks a sandbox rule is scored without running; the others'
     * tests run in one test JVM, task after task (or one JVM per task where so configured, or where the shared JVM
     * could not finish a task cleanly). Puts how many test JVMs ran, and why a task needed its own, into
     * {@code environment}.
     */
    private List<TaskResult> gradeTasks(CompiledSubmission compiled, Path work, Stopwatch watch,
                                        Map<String, String> environment) throws IOException, InterruptedException {
        Map<Task, TaskResult> results = new EnumMap<>(Task.class);
        List<TaskRun.TaskTests> runnable = new ArrayList<>();
        for (Task task : this.tasks) {
            CompiledTask compiledTask = compiled.task(task);
            List<GradedTest> tests = suite.testsOf(task.id());
            if (!compiledTask.compiled()) {
                results.put(task, Scorer.notRun(task.id(), TaskStatus.COMPILE_ERROR, compiledTask.message(), tests));
                continue;
            }
            List<Violation> violations = watch.time("rules", () -> SandboxGate.check(compiledTask));
            if (!violations.isEmpty()) {
                results.put(task, Scorer.notRun(task.id(), TaskStatus.RULE_VIOLATION,
                        SandboxGate.message(violations), tests));
            } else if (tests.isEmpty()) {
                results.put(task, TaskResult.of(task.id(), TaskStatus.GRADED, "", List.of()));
            } else {
                log.println("  running " + tests.size() + " tests of task " + task.id());
                runnable.add(new TaskRun.TaskTests(task.id(), tests, compiledTask.classes()));
            }
        }
        log.flush();
        TaskRun run = new TaskRun(limits);
        Path scratch = work.resolve("scratch");
        Map<String, RunRecord> records = new LinkedHashMap<>();
        if (jvmPerTask) {
            for (TaskRun.TaskTests task : runnable) {
                records.put(task.task(), watch.time("run", () -> run.run(task, suite.location(),
                        scratch.resolve(task.task()))));
            }
            environment.put("test_jvms", runnable.size() + " (one per task)");
        } else {
            TaskRun.Together together = watch.time("run", () -> run.runTogether(runnable, suite.location(), scratch));
            records.putAll(together.records());
            environment.put("test_jvms", String.valueOf(together.jvms()));
            if (!together.fallback().isEmpty()) {
                environment.put("test_jvms_why", "some tasks ran in a JVM of their own: " + together.fallback());
            }
        }
        for (Task task : this.tasks) {
            RunRecord record = records.get(task.id());
            if (record != null) {
                results.put(task, Scorer.score(task.id(), suite.testsOf(task.id()), record));
            }
        }
        return List.copyOf(results.values());
    }

    /**
     * The submission's sources; with a base, the files it lacks come from the base.
     *
     * @throws SubmissionLayoutException where the submission holds no sources and there is no base
     */
    private CollectedSubmission collect(Path dir, Optional<Path> base) throws IOException {
        if (base.isEmpty()) {
            return collector.collect(dir);
        }
        CollectedSubmission reference = collector.collect(base.get());
        try {
            return collector.collect(dir).over(reference);
        } catch (SubmissionLayoutException e) {
            return reference;
        }
    }

    /** Where the sources lie in the submission's repository, such as {@code starter/src/main/java/}. */
    private static String sourcePrefix(Path dir, Path sourceRoot) {
        Path relative = dir.toAbsolutePath().normalize().relativize(sourceRoot.toAbsolutePath().normalize());
        String prefix = relative.toString().replace('\\', '/');
        return prefix.isEmpty() || prefix.startsWith("..") ? "" : prefix + "/";
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("grader_java_version", System.getProperty("java.version"));
        environment.put("test_java_home", limits.javaHome().toString());
        environment.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        environment.put("heap_mb", String.valueOf(limits.heapMb()));
        environment.put("test_timeout_s", String.valueOf(limits.testTimeout().toSeconds()));
        environment.put("task_timeout_s", String.valueOf(limits.wallClock().toSeconds()));
        limits.taskTimes().forEach((task, time) -> environment.put("time_limits_" + task,
                time.testTimeout().toSeconds() + " s per test, " + time.wallClock().toSeconds() + " s per task"));
        int testJdk = TestJdk.featureVersion(limits.javaHome());
        environment.put("test_java_version", String.valueOf(testJdk));
        environment.put("model_checking", testJdk > 0 && testJdk <= TestJdk.NEWEST_MODEL_CHECKING
                ? "on (Lincheck)"
                : "off on JDK " + testJdk + ": Lincheck misses races there, so concurrency verdicts rest on stress"
                        + " tests alone; regrade with --java-home pointing to a JDK 17 for interleaving traces");
        return environment;
    }

    private static String sanitized(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
