package lockstep.hidden.rules;

import java.util.List;

/** The synchronization rules of task {@code race}, as values; the titles are the graded tests' display names. */
final class RaceRules {

    static final String UNSAFE_COUNTER_UNSYNCHRONIZED = "UnsafeCounter counts in a plain long field, with no"
            + " synchronized, volatile, lock, atomic, VarHandle or sleep";
    static final String RACE_DEMO_STARTS_TOGETHER = "RaceDemo.run starts its threads, releases them through a start"
            + " gate and joins them";

    private static final String UNSAFE_COUNTER = "UnsafeCounter";
    private static final String RACE_DEMO = "RaceDemo";

    private RaceRules() {
    }

    static Rule unsafeCounterIsUnsynchronized() {
        return new Rule(UNSAFE_COUNTER_UNSYNCHRONIZED, "it is the broken counter of the lecture: RaceDemo must be able"
                + " to show the lost updates of count++ itself", List.of(UNSAFE_COUNTER), List.of(
                SynchronizationUse.keepsAPlainLongField(UNSAFE_COUNTER),
                SynchronizationUse.usesNoSynchronized(UNSAFE_COUNTER, RuleMessages.KEEP_IT_BROKEN),
                SynchronizationUse.hasNoVolatileField(UNSAFE_COUNTER, RuleMessages.KEEP_IT_BROKEN),
                SynchronizationUse.usesNoneOf(UNSAFE_COUNTER, SynchronizationUse.LOCKS
                        .or(SynchronizationUse.ATOMICS).or(SynchronizationUse.VAR_HANDLE), RuleMessages.KEEP_IT_BROKEN),
                ThreadCalls.neverSleeps(List.of(UNSAFE_COUNTER), RuleMessages.NO_PAUSE_IN_THE_RACE)));
    }

    static Rule raceDemoStartsTogether() {
        return new Rule(RACE_DEMO_STARTS_TOGETHER, "threads started one after the other barely overlap: only a start"
                + " gate lets them run count++ at the same time, and run() may read the count only after every"
                + " thread has ended", List.of(RACE_DEMO), List.of(
                ThreadCalls.startsAndJoins(RACE_DEMO, "run"),
                ThreadCalls.waitsAtStartGate(RACE_DEMO, "run"),
                ThreadCalls.neverCallsRun(RACE_DEMO)));
    }
}
