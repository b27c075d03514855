package exercises;

import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A synchronization rule of the assignment, as a value: what it asks, why, and the conditions that name each
 * violation in a student's words. It is checked on the compiled class of the assignment and the classes nested in it.
 *
 * @param title      what the rule asks, as a sentence
 * @param reason     why, finishing "because ..."
 * @param conditions each one names the violations it finds; all of them must hold
 */
public record SynchronizationRule(String title, String reason, List<ArchCondition<JavaClass>> conditions) {

    public SynchronizationRule {
        conditions = List.copyOf(conditions);
    }

    /**
     * Fails, listing every violation, where {@code type} breaks this rule. The first line of the message is the
     * first violation; the last line repeats the rule and why it exists.
     */
    public void assertHeldBy(Class<?> type) {
        JavaClasses classes = new ClassFileImporter().importClasses(withNestedClasses(type));
        List<String> violations = new ArrayList<>();
        for (ArchCondition<JavaClass> condition : conditions) {
            ArchRule rule = ArchRuleDefinition.classes().should(condition).as(title).because(reason);
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                violations.addAll(result.getFailureReport().getDetails());
            }
        }
        if (!violations.isEmpty()) {
            fail(String.join("\n", violations) + "\nThe rule: " + title + ", because " + reason + ".");
        }
    }

    /** {@code type}, the classes declared in it, and its anonymous classes ({@code Type$1}, ...). */
    private static Set<Class<?>> withNestedClasses(Class<?> type) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        addWithMembers(type, classes);
        for (int i = 1; ; i++) {
            try {
                classes.add(Class.forName(type.getName() + "$" + i, false, type.getClassLoader()));
            } catch (ClassNotFoundException noMore) {
                return classes;
            }
        }
    }

    private static void addWithMembers(Class<?> type, Set<Class<?>> classes) {
        classes.add(type);
        for (Class<?> member : type.getDeclaredClasses()) {
            addWithMembers(member, classes);
        }
    }
}
