package lockstep.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import lockstep.model.TestStatus;
import lockstep.stress.StressMatrix;
import lockstep.suite.GradedTest;

/**
 * Runs tasks' tests in a separate JVM and records what it reports over the authenticated channel. The grading
 * process never loads student code: the test JVM gets the runner, the suite and the task's compiled classes on its
 * class path, a heap cap, a scratch working directory and an empty environment, and is killed (after a thread dump)
 * when it outlives the wall-clock limit.
 */
public final class TaskRun {

    /**
     * The most threads the test JVM may have alive at once; past it the JVM is stopped. The hidden tests need a few
     * dozen (16 worker threads, JUnit's, the JVM's own); a submission that gets near a thousand starts them without end.
     */
    static final int MAX_THREADS = 1_000;

    private final RunLimits limits;

    public TaskRun(RunLimits limits) {
        this.limits = limits;
    }

    /**
     * Runs {@code tests} (all of one task) against the classes in {@code taskClasses}.
     *
     * @param suiteLocation the suite's compiled tests (jar or folder)
     * @param scratch       an empty folder: the test JVM's working and temporary directory
     */
    public RunRecord run(List<GradedTest> tests, Path suiteLocation, Path taskClasses, Path scratch)
            throws IOException, InterruptedException {
        return run(new TaskTests("task", tests, taskClasses), suiteLocation, scratch);
    }

    /** Runs one task's tests in a JVM of their own, under the task's time limits. */
    public RunRecord run(TaskTests task, Path suiteLocation, Path scratch) throws IOException, InterruptedException {
        return runInOneJvm(List.of(task), suiteLocation, scratch).get(task.task());
    }

    /**
     * Runs several tasks' tests in one JVM, task after task, and falls back to a JVM of its own for each task that
     * JVM could not finish cleanly: one that crashed it, and those after a crash or after a task that left threads
     * running (they could skew the stress verdicts of the tasks after it). A task that ran out of time keeps its
     * timeout, as it would have alone: each task has its own wall-clock limit, counted from its first test.
     *
     * @return each task's run record, in the order given
     */
    public Together runTogether(List<TaskTests> tasks, Path suiteLocation, Path scratch)
            throws IOException, InterruptedException {
        Map<String, RunRecord> records = new LinkedHashMap<>();
        if (tasks.isEmpty()) {
            return new Together(records, 0, "");
        }
        Map<String, RunRecord> shared = runInOneJvm(tasks, suiteLocation, scratch.resolve("shared"));
        int jvms = 1;
        String fallback = "";
        for (TaskTests task : tasks) {
            RunRecord record = shared.get(task.task());
            if (record == null) {
                if (fallback.isEmpty()) {
                    fallback = shared.containsKey(UNFINISHED) ? shared.get(UNFINISHED).diagnosis() : "";
                }
                record = runInOneJvm(List.of(task), suiteLocation, scratch.resolve(task.task()))
                        .get(task.task());
                jvms++;
            }
            records.put(task.task(), record);
        }
        return new Together(records, jvms, fallback);
    }

    /**
     * The tests of one task and the classes they run against.
     *
     * @param task    the task's id
     * @param tests   its tests
     * @param classes its compiled classes
     */
    public record TaskTests(String task, List<GradedTest> tests, Path classes) {

        public TaskTests {
            tests = List.copyOf(tests);
        }
    }

    /**
     * What {@link #runTogether} did.
     *
     * @param records  each task's run record
     * @param jvms     how many test JVMs it started
     * @param fallback why some tasks ran in a JVM of their own, or empty
     */
    public record Together(Map<String, RunRecord> records, int jvms, String fallback) {
    }

    /** The key under which {@link #runInOneJvm} says why the JVM stopped before it reached some tasks. */
    private static final String UNFINISHED = "";

    /**
     * Runs the tasks' tests in one JVM. Returns a record for each task that finished (or timed out) in it; a task
     * that crashed the JVM or was never reached has none. When one is missing, the record under {@link #UNFINISHED}
     * says why the JVM stopped.
     */
    private Map<String, RunRecord> runInOneJvm(List<TaskTests> tasks, Path suiteLocation, Path scratch)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        String secret = ResultChannel.newSecret();
        ResultChannel channel = ResultChannel.forSecret(secret);
        List<Path> classpath = new ArrayList<>(RunnerClasspath.entries());
        classpath.add(suiteLocation);
        for (TaskTests task : tasks) {
            classpath.add(task.classes());
        }

        ClassDataArchive archive = ClassDataArchive.forLibraries(limits.javaHome(), memoryOptions(),
                RunnerClasspath.libraries());
        Path recording = scratch.resolve("loaded-classes.txt");
        List<String> compiler = CompilerDirectives.prepare(RunnerClasspath.besideGrader("jit"));
        ProcessBuilder builder = new ProcessBuilder(command(classpath, scratch, archive.prepare(recording), compiler))
                .directory(scratch.toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();

        Map<String, RunRecord.Outcome> outcomes = new ConcurrentHashMap<>();
        Map<String, String> state = new ConcurrentHashMap<>();
        Map<String, Long> startedNanos = new ConcurrentHashMap<>();
        Set<String> finishedTasks = ConcurrentHashMap.newKeySet();
        AtomicReference<Current> current = new AtomicReference<>(new Current(tasks.get(0).task(), System.nanoTime()));
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch dumped = new CountDownLatch(1);
        BoundedCapture output = new BoundedCapture(limits.outputBytes());

        Thread stdout = reader("lockstep-channel", () -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean first = true;
                while ((line = in.readLine()) != null) {
                    boolean announcement = first && CompilerDirectives.isAnnouncement(line);
                    first = false;
                    if (announcement) {
                        continue; // the JVM's own note, not the code's output
                    }
                    var message = channel.decode(line);
                    if (message.isEmpty()) {
                        output.appendLine(line);
                        continue;
                    }
                    ChannelMessage m = message.get();
                    switch (m.type()) {
                        case "task" -> current.set(new Current(m.field(0), System.nanoTime()));
                        case "task-done" -> finishedTasks.add(m.field(0));
                        case "started" -> {
                            state.put("running", m.field(0));
                            startedNanos.put(m.field(0), System.nanoTime());
                        }
                        case "finished" -> {
                            Long durationMs = millisSince(startedNanos.get(m.field(0)), System.nanoTime());
                            outcomes.put(m.field(0), new RunRecord.Outcome(status(m.field(1)), m.field(2),
                                    EvidenceCodec.decode(m.field(3)).orElse(null), durationMs));
                            state.remove("running", m.field(0));
                        }
                        case "dump" -> {
                            state.put("dump", m.field(0));
                            dumped.countDown();
                        }
                        case "failed" -> state.put("failed", m.field(0));
                        case "limit" -> state.put("limit", m.field(0));
                        case "threads-left" -> state.put("threads-left", m.field(0));
                        case "done" -> done.countDown();
                        default -> output.appendLine(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
        Thread stderr = reader("lockstep-output", () -> output.drain(process.getErrorStream()));

        Writer control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        control.write(secret + "\n" + tasks.stream().mapToInt(task -> task.tests().size()).sum() + "\n");
        for (TaskTests task : tasks) {
            long timeoutMs = limits.timeOf(task.task()).testTimeout().toMillis();
            for (GradedTest test : task.tests()) {
                control.write(task.task() + " " + timeoutMs + " " + test.key() + "\n");
            }
        }
        control.flush();

        boolean exited = waitForTasks(process, current);
        long endedNanos = System.nanoTime();
        if (!exited) {
            try {
                control.write("dump\n");
                control.flush();
                dumped.await(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // it stopped listening: kill it without a dump
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        try {
            control.close();
        } catch (IOException e) {
            // already gone
        }
        stdout.join(10_000);
        stderr.join(10_000);
        archive.keep(recording, done.getCount() == 0);

        String running = state.getOrDefault("running", "");
        String last = current.get().task();
        Map<String, RunRecord> records = new LinkedHashMap<>();
        for (TaskTests task : tasks) {
            Map<String, RunRecord.Outcome> own = new HashMap<>();
            for (GradedTest test : task.tests()) {
                RunRecord.Outcome outcome = outcomes.get(test.key());
                if (outcome != null) {
                    own.put(test.key(), outcome);
                }
            }
            String ownRunning = task.tests().stream().anyMatch(test -> test.key().equals(running)) ? running : "";
            Long runningMs = ownRunning.isEmpty() ? null : millisSince(startedNanos.get(ownRunning), endedNanos);
            if (done.getCount() == 0 || finishedTasks.contains(task.task())) {
                records.put(task.task(), new RunRecord(RunRecord.Ending.COMPLETED, own, "", "", output.text()));
            } else if (!exited && (task.task().equals(last) || tasks.size() == 1)) {
                records.put(task.task(), new RunRecord(RunRecord.Ending.TIMED_OUT, own, ownRunning,
                        timeoutDiagnosis(task.task(), state.getOrDefault("dump", "")), output.text(), runningMs));
            } else if (tasks.size() == 1 && exited) {
                records.put(task.task(), new RunRecord(RunRecord.Ending.CRASHED, own, ownRunning,
                        crashDiagnosis(process.exitValue(), output.text(), state), output.text(), runningMs));
            }
        }
        if (records.size() < tasks.size()) {
            String why = state.containsKey("threads-left")
                    ? "threads were still running after task " + last + ": " + state.get("threads-left")
                    : exited ? "task " + last + " stopped the test JVM: " + crashDiagnosis(process.exitValue(),
                            output.text(), state).lines().findFirst().orElse("")
                    : "task " + last + " ran out of time";
            records.put(UNFINISHED, new RunRecord(RunRecord.Ending.CRASHED, Map.of(), "", why, ""));
        }
        return records;
    }

    /** Milliseconds from {@code startNanos} to {@code nowNanos}; null where the start was not seen. */
    private static Long millisSince(Long startNanos, long nowNanos) {
        return startNanos == null ? null : TimeUnit.NANOSECONDS.toMillis(nowNanos - startNanos);
    }

    /** The task the test JVM is running and when it started it. */
    private record Current(String task, long startNanos) {
    }

    /**
     * Waits for the test JVM to exit, at most the wall-clock limit of the task it is running, counted from that task's
     * start.
     *
     * @return whether it exited
     */
    private boolean waitForTasks(Process process, AtomicReference<Current> current) throws InterruptedException {
        while (true) {
            Current now = current.get();
            long left = now.startNanos() + limits.timeOf(now.task()).wallClock().toNanos() - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
    }

    private List<String> command(List<Path> classpath, Path scratch, List<String> classData, List<String> compiler) {
        List<String> command = new ArrayList<>();
        command.add(limits.javaHome().resolve("bin").resolve("java").toString());
        command.addAll(memoryOptions());
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+EnableDynamicAgentLoading"); // Lincheck attaches its agent at run time
        // ... to this JVM from within: without this, Byte Buddy starts one more JVM to attach it from outside. A
        // submission cannot attach anything: the sandbox gate bars the attach API (com.sun.*) and Byte Buddy.
        command.add("-Djdk.attach.allowAttachSelf=true");
        command.add("-XX:-UsePerfData");
        command.add("-Xshare:auto");
        command.addAll(classData);
        command.addAll(compiler);
        command.addAll(stressTurn());
        command.add("-Djava.io.tmpdir=" + scratch);
        command.add("-Duser.home=" + scratch);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(ForkedMain.class.getName());
        command.add(String.valueOf(MAX_THREADS));
        return command;
    }

    /**
     * The folder of the lock files that are the machine's stress turns (the grader's {@code locks} folder): every test
     * JVM of this grader, in this batch or in another grading on the machine, takes turns at stress runs (see the
     * API's {@code StressTurn}). Where the folder cannot be made, none: the stress runs then go ahead at once.
     */
    static List<String> stressTurn() {
        try {
            Path locks = Files.createDirectories(RunnerClasspath.besideGrader("locks"));
            return List.of("-D" + StressMatrix.TURN_PROPERTY + "=" + locks);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The test JVM's heap cap and collector, which its class data archive is dumped with too. */
    private List<String> memoryOptions() {
        return List.of("-Xmx" + limits.heapMb() + "m", "-XX:+UseSerialGC");
    }

    private String timeoutDiagnosis(String task, String dump) {
        String text = "the tests did not finish within " + limits.timeOf(task).wallClock().toSeconds()
                + " s and were stopped";
        return dump.isBlank() ? text : text + ". What the threads were doing:\n" + dump;
    }

    private String crashDiagnosis(int exitCode, String output, Map<String, String> state) {
        if (state.containsKey("limit")) {
            return state.get("limit");
        }
        String failure = state.get("failed");
        if (output.contains("OutOfMemoryError")) {
            return "the test JVM ran out of memory (limit " + limits.heapMb() + " MB) and stopped: "
                    + "does your code keep allocating, or start threads without end?";
        }
        if (failure != null) {
            return "the test run failed: " + failure;
        }
        return "the test JVM exited with status " + exitCode + " before the tests finished: "
                + "something ended the JVM (System.exit, Runtime.halt, or a crash)" + lastLines(output);
    }

    /** The end of the captured output, where a crash says why. */
    private static String lastLines(String output) {
        List<String> lines = output.strip().lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        return "\nLast lines of output:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    private static TestStatus status(String id) {
        for (TestStatus status : TestStatus.values()) {
            if (status.toString().equals(id)) {
                return status;
            }
        }
        return TestStatus.ERROR;
    }

    private static Thread reader(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
