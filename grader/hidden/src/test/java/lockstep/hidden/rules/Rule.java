package lockstep.hidden.rules;

import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * A synchronization rule of the assignment, as a value: what it asks (the graded test's display name), why, the
 * classes it needs, and the conditions that name each violation in a student's words. It is evaluated, not thrown:
 * only {@link #assertHeldBy} fails a test.
 *
 * @param title    what the rule asks, short: the {@code @DisplayName} of its graded test
 * @param reason   why, finishing "because ..."
 * @param requires the simple names of the task's classes the rule reads; each is checked to exist first
 * @param conditions each one reports the violations it finds; all of them must hold
 */
record Rule(String title, String reason, List<String> requires, List<Condition> conditions) {

    Rule {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        requires = List.copyOf(requires);
        conditions = List.copyOf(conditions);
    }

    /**
     * The violations of the rule in {@code classes}.
     *
     * @throws AssertionFailedError where a class the rule reads is missing, naming it
     */
    RuleReport evaluate(ClassesOfTask classes) {
        requires.forEach(classes::require);
        RuleReport report = new RuleReport();
        conditions.forEach(condition -> condition.check(classes, report));
        return report;
    }

    /** Fails, listing every violation and then the rule, where {@code classes} break it. */
    void assertHeldBy(ClassesOfTask classes) {
        RuleReport report = evaluate(classes);
        if (!report.isEmpty()) {
            throw new AssertionFailedError(report.render(this));
        }
    }
}
