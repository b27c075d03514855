package lockstep.hidden.rules;

import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code launch}: the synchronization rules, checked statically on the submission's compiled classes. */
class LaunchRulesHiddenTest {

    private static ClassesOfTask submission() {
        return ClassesOfTask.located(TaskPackage.LAUNCH);
    }

    @Graded(task = "launch", points = 2)
    @DisplayName(LaunchRules.STARTS_AND_JOINS)
    void launcherStartsAndJoinsItsThreads() {
        LaunchRules.startsAndJoins().assertHeldBy(submission());
    }

    @Graded(task = "launch", points = 1)
    @DisplayName(LaunchRules.NEVER_CALLS_RUN)
    void launcherNeverCallsRun() {
        LaunchRules.neverCallsRun().assertHeldBy(submission());
    }
}
