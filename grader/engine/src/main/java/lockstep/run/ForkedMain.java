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
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The entry point of the test JVM, started by {@link TaskRun} for one task. Before any test (and so any student
 * code) loads, it reads its orders from standard input (the channel secret, the per-test timeout, the tests to run),
 * keeps the real standard output for the signed result channel and sends {@code System.out} to standard error, where
 * the grader captures student output with a bound. It then runs the tests through the JUnit Platform Launcher,
 * reports each over the channel, and halts the JVM, so threads a submission leaves behind cannot keep it alive.
 *
 * <p>While tests run, a daemon thread waits for {@code dump} on standard input and answers with a thread dump
 * summary: the grader asks for one before it kills a hung JVM. Another counts the live threads and halts the JVM past
 * the limit given as the only argument (see {@code startThreadCensus}).
 */
public final class ForkedMain {

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
        String timeout = control.readLine();
        int count = Integer.parseInt(control.readLine().strip());
        List<MethodSelector> selectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] test = control.readLine().split("#", 2);
            selectors.add(DiscoverySelectors.selectMethod(test[0], test[1]));
        }
        Object sendLock = new Object();
        java.util.function.Consumer<ChannelMessage> send = message -> {
            synchronized (sendLock) {
                channelOut.println(channel.encode(message));
            }
        };
        startDumpWatcher(control, send);
        startThreadCensus(maxThreads, send);

        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout)
                .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        try {
            launcher.execute(request, new ForkedListener(send));
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
