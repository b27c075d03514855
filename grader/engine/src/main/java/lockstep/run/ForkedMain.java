package lockstep.run;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The entry point of the test JVM, started by {@link TaskRun} for one or more tasks. Before any test (and so any
 * student code) loads, it reads its orders from standard input (the channel secret, the tests to run, each with its task
 * and its timeout), keeps the real standard output for the signed result channel and sends {@code System.out}
 * to standard error, where the grader captures student output with a bound. It then runs the tests through the JUnit
 * Platform Launcher, one task after another, reports each over the channel, and halts the JVM, so threads a
 * submission leaves behind cannot keep it alive. When a task's tests leave threads running, it stops before the next
 * task ({@code threads-left}): the grader runs the rest in a JVM of their own.
 *
 * <p>While tests run, a daemon thread waits for {@code dump} on standard input and answers with a thread dump
 * summary: the grader asks for one before it kills a hung JVM. Another counts the live threads and halts the JVM past
 * the limit given as the only argument (see {@code startThreadCensus}).
 */
public final class ForkedMain {

    /** How long the threads a task's tests started get to end before the next task's tests run. */
    private static final long THREADS_LEFT_GRACE_MS = 500;

    /** How often the thread census counts. */
    private static final long CENSUS_PERIOD_MS = 10;

    private ForkedMain() {
    }

    public static void main(String[] args) throws IOException {
        int maxThreads = Integer.parseInt(args[0]);
        BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream channelOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));

        ResultChannel channel = ResultChannel.forSecret(control.readLine());
        int count = Integer.parseInt(control.readLine().strip());
        Map<String, List<MethodSelector>> tasks = new LinkedHashMap<>();
        Map<String, String> timeouts = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String[] line = control.readLine().split(" ", 3);
            String[] test = line[2].split("#", 2);
            timeouts.put(line[0], line[1] + " ms");
            tasks.computeIfAbsent(line[0], task -> new ArrayList<>())
                    .add(DiscoverySelectors.selectMethod(test[0], test[1]));
        }
        Object sendLock = new Object();
        java.util.function.Consumer<ChannelMessage> send = message -> {
            synchronized (sendLock) {
                channelOut.println(channel.encode(message));
            }
        };
        startDumpWatcher(control, send);
        startThreadCensus(maxThreads, send);

        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        Set<Thread> ours = Thread.getAllStackTraces().keySet();
        try {
            int left = tasks.size();
            for (Map.Entry<String, List<MethodSelector>> task : tasks.entrySet()) {
                send.accept(ChannelMessage.of("task", task.getKey()));
                launcher.execute(request(task.getValue(), timeouts.get(task.getKey())),
                        new ForkedListener(send));
                send.accept(ChannelMessage.of("task-done", task.getKey()));
                left--;
                String running = left == 0 ? "" : threadsLeftRunning(ours);
                if (!running.isEmpty()) {
                    send.accept(ChannelMessage.of("threads-left", running));
                    return;
                }
            }
            send.accept(ChannelMessage.of("done"));
        } catch (Throwable e) {
            // JUnit lets an OutOfMemoryError through, also one the code under test threw itself: the run is over, and
            // a thread the submission left behind must not keep this JVM alive until the wall clock runs out.
            send.accept(ChannelMessage.of("failed", String.valueOf(e)));
        } finally {
            channelOut.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    private static LauncherDiscoveryRequest request(List<MethodSelector> selectors, String timeout) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout)
                .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .build();
    }

    /**
     * The threads a task's tests left running, named, or empty when there are none. Threads this JVM had before the
     * first test and JUnit's own daemons do not count. A thread gets {@value #THREADS_LEFT_GRACE_MS} ms to end: a
     * missing join leaves threads that are about to.
     */
    private static String threadsLeftRunning(Set<Thread> ours) throws InterruptedException {
        long deadline = System.nanoTime() + THREADS_LEFT_GRACE_MS * 1_000_000;
        List<Thread> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !ours.contains(thread) && thread.isAlive())
                    .filter(thread -> !(thread.isDaemon() && thread.getName().startsWith("junit-")))
                    .toList();
            if (left.isEmpty()) {
                return "";
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return left.stream().map(thread -> "\"" + thread.getName() + "\" (" + thread.getState() + ")").sorted()
                .limit(5).collect(Collectors.joining(", ")) + (left.size() > 5 ? " and " + (left.size() - 5) + " more" : "");
    }

    /**
     * Halts this JVM when the code under test has more than {@code limit} live threads, after sending a {@code limit}
     * message with the reason. Nothing else bounds threads: a grader running as root is exempt from the process limit
     * ({@code RLIMIT_NPROC}), and every thread is a process id taken from the whole machine. The census counts every 10
     * ms on a daemon thread that ignores interrupts, so a burst can overshoot the limit by what the JVM starts in that
     * time (a few hundred threads) before it is halted.
     */
    private static void startThreadCensus(int limit, java.util.function.Consumer<ChannelMessage> send) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread census = new Thread(() -> {
            while (true) {
                int alive = threads.getThreadCount();
                if (alive > limit) {
                    send.accept(ChannelMessage.of("limit", String.format(Locale.ROOT, "the test JVM was stopped: your"
                            + " code had more than %d threads alive at once (%d were counted); start a bounded number"
                            + " of threads, and let each of them finish", limit, alive)));
                    Runtime.getRuntime().halt(4);
                }
                try {
                    Thread.sleep(CENSUS_PERIOD_MS);
                } catch (InterruptedException e) {
                    // the code under test may interrupt every thread it finds: keep counting
                }
            }
        }, "lockstep-thread-census");
        census.setDaemon(true);
        census.setPriority(Thread.MAX_PRIORITY);
        census.start();
    }

    private static void startDumpWatcher(BufferedReader control, java.util.function.Consumer<ChannelMessage> send) {
        Thread watcher = new Thread(() -> {
            try {
                String line;
                while ((line = control.readLine()) != null) {
                    if (line.strip().equals("dump")) {
                        send.accept(ChannelMessage.of("dump", ThreadDumpSummary.take()));
                    }
                }
            } catch (IOException e) {
                // the grader closed our input: nothing more to answer
            }
        }, "lockstep-dump-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
