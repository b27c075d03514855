package exercises.launch;

import static exercises.RuleConditions.callThreadStart;
import static exercises.RuleConditions.neverCallThreadRun;

import exercises.SynchronizationRule;
import java.util.List;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code launch}: the rule checked on the compiled {@link Launcher}. */
class LaunchRulesTest {

    @Graded(task = "launch", points = 1)
    @DisplayName("Launcher starts its threads with start() and never calls run() on a Thread")
    void launcherStartsThreadsAndNeverCallsRun() {
        new SynchronizationRule(
                "Launcher starts a new thread for each task with Thread.start() and never calls Thread.run() itself",
                "run() runs the task on the calling thread, so nothing would happen at the same time",
                List.of(callThreadStart(), neverCallThreadRun()))
                .assertHeldBy(Launcher.class);
    }
}
