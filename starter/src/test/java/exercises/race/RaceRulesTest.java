package exercises.race;

import static exercises.RuleConditions.haveNoVolatileField;
import static exercises.RuleConditions.keepAPlainLongField;
import static exercises.RuleConditions.useNoAtomic;
import static exercises.RuleConditions.useNoLock;
import static exercises.RuleConditions.useNoSynchronized;

import exercises.SynchronizationRule;
import java.util.List;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code race}: the rule checked on the compiled {@link UnsafeCounter}. */
class RaceRulesTest {

    private static final String KEEP_IT_BROKEN = "UnsafeCounter must stay broken on purpose, with no synchronization";

    @Graded(task = "race", points = 1)
    @DisplayName("UnsafeCounter counts in a plain long field, with no synchronized, volatile, lock or atomic")
    void unsafeCounterUsesNoSynchronization() {
        new SynchronizationRule(
                "UnsafeCounter keeps its count in a plain long field and uses no synchronization of any kind",
                "it is the broken counter of the lecture: RaceDemo must be able to show its lost updates",
                List.of(keepAPlainLongField(), useNoSynchronized(KEEP_IT_BROKEN),
                        haveNoVolatileField(KEEP_IT_BROKEN), useNoLock(KEEP_IT_BROKEN),
                        useNoAtomic(KEEP_IT_BROKEN)))
                .assertHeldBy(UnsafeCounter.class);
    }
}
