package lockstep.run;

import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import lockstep.model.TestStatus;
import lockstep.selfcheck.TestOutcome;
import lockstep.stress.EvidenceLog;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Runs in the test JVM and only records: each test's start and outcome goes out over the result channel. A timed-out
 * test's message gets the thread dump summary (deadlock cycle, stuck threads) appended. An {@link EvidenceLog} is
 * open while each test runs; what the test's stress runs and model checks recorded in it goes out with its outcome.
 *
 * <p>JUnit calls a listener on the thread that runs the test tree, which starts each test's own (timeout) thread:
 * that thread, and every thread it starts, records into the log opened here.
 */
final class ForkedListener implements TestExecutionListener {

    private final Consumer<ChannelMessage> channel;

    ForkedListener(Consumer<ChannelMessage> channel) {
        this.channel = channel;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        key(test).ifPresent(key -> {
            EvidenceLog.open();
            channel.accept(ChannelMessage.of("started", key));
        });
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        key(test).ifPresent(key -> channel.accept(ChannelMessage.of("finished", key, TestStatus.NOT_RUN.toString(),
                "skipped: " + reason)));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        key(test).ifPresent(key -> channel.accept(outcome(key, result)));
    }

    private static ChannelMessage outcome(String key, TestExecutionResult result) {
        TestStatus status = TestOutcome.status(result);
        String message = TestOutcome.message(result);
        if (result.getThrowable().orElse(null) instanceof TimeoutException) {
            String dump = ThreadDumpSummary.take();
            if (!dump.isEmpty()) {
                message += "\n" + dump;
            }
        }
        return ChannelMessage.of("finished", key, status.toString(), message,
                EvidenceCodec.encode(EvidenceLog.close()));
    }

    private static java.util.Optional<String> key(TestIdentifier test) {
        if (!test.isTest()) {
            return java.util.Optional.empty();
        }
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName() + "#" + m.getMethodName());
    }
}
