package lockstep.hidden.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The violations that the conditions of one rule found, in the order found, each place once. Conditions only add
 * to it; {@link Rule#assertHeldBy} is what turns a non-empty report into a failed test.
 */
final class RuleReport {

    private final Set<Violation> violations = new LinkedHashSet<>();

    void add(Violation violation) {
        violations.add(violation);
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** One line per violation, as {@link Violation#render()} writes it. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        violations.forEach(violation -> lines.add(violation.render()));
        return lines;
    }

    /** The lines, then the rule and why it exists. */
    String render(Rule rule) {
        return String.join("\n", lines()) + "\nThe rule: " + rule.title() + ", because " + rule.reason() + ".";
    }
}
