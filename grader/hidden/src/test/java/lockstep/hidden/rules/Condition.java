package lockstep.hidden.rules;

/** One thing a rule asks of the task's classes: it adds a violation to the report for each place that breaks it. */
@FunctionalInterface
interface Condition {

    void check(ClassesOfTask classes, RuleReport report);
}
