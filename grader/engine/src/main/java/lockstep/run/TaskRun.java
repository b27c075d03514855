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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lockstep.model.TestStatus;
import lockstep.suite.GradedTest;

/**
 * Runs one task's tests in a separate JVM and records what it reports over the authenticated channel. The grading
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
        Files.createDirectories(scratch);
        String secret = ResultChannel.newSecret();
        ResultChannel channel = ResultChannel.forSecret(secret);
        List<Path> classpath = new ArrayList<>(RunnerClasspath.entries());
        classpath.add(suiteLocation);
        classpath.add(taskClasses);

        ProcessBuilder builder = new ProcessBuilder(command(classpath, scratch)).directory(scratch.toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();

        Map<String, RunRecord.Outcome> outcomes = new ConcurrentHashMap<>();
        Map<String, String> state = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch dumped = new CountDownLatch(1);
        BoundedCapture output = new BoundedCapture(limits.outputBytes());

        Thread stdout = reader("lockstep-channel", () -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    var message = channel.decode(line);
                    if (message.isEmpty()) {
                        output.appendLine(line);
                        continue;
                    }
                    ChannelMessage m = message.get();
                    switch (m.type()) {
                        case "started" -> state.put("running", m.field(0));
                        case "finished" -> {
                            outcomes.put(m.field(0), new RunRecord.Outcome(status(m.field(1)), m.field(2),
                                    EvidenceCodec.decode(m.field(3)).orElse(null)));
                            state.remove("running", m.field(0));
                        }
                        case "dump" -> {
                            state.put("dump", m.field(0));
                            dumped.countDown();
                        }
                        case "failed" -> state.put("failed", m.field(0));
                        case "limit" -> state.put("limit", m.field(0));
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
        control.write(secret + "\n" + limits.testTimeout().toMillis() + " ms\n" + tests.size() + "\n");
        for (GradedTest test : tests) {
            control.write(test.key() + "\n");
        }
        control.flush();

        boolean exited = process.waitFor(limits.wallClock().toMillis(), TimeUnit.MILLISECONDS);
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

        String running = state.getOrDefault("running", "");
        if (!exited) {
            return new RunRecord(RunRecord.Ending.TIMED_OUT, outcomes, running,
                    timeoutDiagnosis(state.getOrDefault("dump", "")), output.text());
        }
        if (done.getCount() == 0) {
            return new RunRecord(RunRecord.Ending.COMPLETED, outcomes, "", "", output.text());
        }
        return new RunRecord(RunRecord.Ending.CRASHED, outcomes, running,
                crashDiagnosis(process.exitValue(), output.text(), state), output.text());
    }

    private List<String> command(List<Path> classpath, Path scratch) {
        List<String> command = new ArrayList<>();
        command.add(limits.javaHome().resolve("bin").resolve("java").toString());
        command.add("-Xmx" + limits.heapMb() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+EnableDynamicAgentLoading"); // Lincheck attaches its agent at run time
        command.add("-XX:-UsePerfData");
        command.add("-Xshare:auto");
        command.add("-Djava.io.tmpdir=" + scratch);
        command.add("-Duser.home=" + scratch);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(ForkedMain.class.getName());
        command.add(String.valueOf(MAX_THREADS));
        return command;
    }

    private String timeoutDiagnosis(String dump) {
        String text = "the tests did not finish within " + limits.wallClock().toSeconds()
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
