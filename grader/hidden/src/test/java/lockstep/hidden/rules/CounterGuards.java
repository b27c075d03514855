package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on how a counter guards its count: that {@code increment()} and {@code get()} take its lock at all, and
 * that every lock is released in a {@code finally} block ({@link LockDiscipline}). {@link GuardedState} checks that
 * every access to the state holds one monitor.
 *
 * <p>{@code get()} may instead read only {@code volatile} fields, as the public rules allow: a volatile read sees
 * the latest write, and a single read needs no lock to be atomic.
 */
final class CounterGuards {

    private static final CallPattern LOCKING = CallPattern.of("java.util.concurrent.locks.Lock", "lock",
            "lockInterruptibly", "tryLock");

    private CounterGuards() {
    }

    /** {@code methodName()} of the class calls {@code lock()} on a Lock; for a reading method, or reads volatiles. */
    static Condition locksIn(String className, String methodName, boolean reads) {
        return ThreadCalls.eachMethod(className, methodName, (classes, scope) ->
                ThreadCalls.calls(classes, scope, List.of(LOCKING)) || reads && readsOnlyVolatile(scope) ? List.of()
                        : List.of(where -> RuleMessages.neverLocks(where, reads)));
    }

    /** {@code methodName()} of the class takes a monitor (synchronized); for a reading method, or reads volatiles. */
    static Condition takesMonitorIn(String className, String methodName, boolean reads) {
        return ThreadCalls.eachMethod(className, methodName, (classes, scope) ->
                takesMonitor(scope) || reads && readsOnlyVolatile(scope) ? List.of()
                        : List.of(where -> RuleMessages.takesNoMonitor(where, reads)));
    }

    /** {@code methodName(...)} of the class takes an intrinsic lock or a Lock, itself or through what it calls. */
    static Condition locksOrSynchronizesIn(String className, String methodName) {
        return ThreadCalls.eachMethod(className, methodName, (classes, scope) ->
                takesMonitor(scope) || ThreadCalls.calls(classes, scope, List.of(LOCKING)) ? List.of()
                        : List.of(RuleMessages::takesNoLock));
    }

    /** Every {@code lock()} in the class's code is released in a finally block, on every path; and there is one. */
    static Condition unlocksInFinally(String className) {
        return (classes, report) -> {
            JavaClass type = classes.require(className);
            CodeScope scope = SynchronizationUse.scopeOf(classes, className);
            int locks = new LockDiscipline(classes).check(scope.bodies(), report);
            if (locks == 0 && !ThreadCalls.calls(classes, scope, List.of(LOCKING))) { // tryLock() alone: not followed
                report.add(new Violation(Wording.file(type), 0, RuleMessages.noLockAnywhere(className)));
            }
        };
    }

    private static boolean takesMonitor(CodeScope scope) {
        return scope.units().stream().anyMatch(unit -> unit.getModifiers().contains(JavaModifier.SYNCHRONIZED))
                || scope.bodies().stream().anyMatch(body -> MonitorDiscipline.firstSynchronizedBlock(body) != null);
    }

    private static boolean readsOnlyVolatile(CodeScope scope) {
        List<JavaFieldAccess> reads = new ArrayList<>();
        for (JavaCodeUnit unit : scope.units()) {
            unit.getFieldAccesses().stream().filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.GET)
                    .forEach(reads::add);
        }
        return !reads.isEmpty() && reads.stream().allMatch(access -> access.getTarget().resolveMember()
                .map(field -> field.getModifiers().contains(JavaModifier.VOLATILE)).orElse(false));
    }
}
