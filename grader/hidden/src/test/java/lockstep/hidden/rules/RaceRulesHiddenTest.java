package lockstep.hidden.rules;

import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code race}: the synchronization rules, checked statically on the submission's compiled classes. */
class RaceRulesHiddenTest {

    private static ClassesOfTask submission() {
        return ClassesOfTask.located(TaskPackage.RACE);
    }

    @Graded(task = "race", points = 1)
    @DisplayName(RaceRules.UNSAFE_COUNTER_UNSYNCHRONIZED)
    void unsafeCounterIsUnsynchronized() {
        RaceRules.unsafeCounterIsUnsynchronized().assertHeldBy(submission());
    }

    @Graded(task = "race", points = 1)
    @DisplayName(RaceRules.RACE_DEMO_STARTS_TOGETHER)
    void raceDemoStartsItsThreadsTogether() {
        RaceRules.raceDemoStartsTogether().assertHeldBy(submission());
    }
}
