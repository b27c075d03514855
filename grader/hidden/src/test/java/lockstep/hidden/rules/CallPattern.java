package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import java.util.Set;

/**
 * A call the rules look for, by the type that declares it (any subtype matches: a {@code ReentrantLock} is a
 * {@code Lock}, a student's {@code Worker extends Thread} is a {@code Thread}) and the method's names. A method
 * reference ({@code Thread::start}) matches like a call.
 *
 * @param type  the binary name of the declaring type, such as {@code java.util.concurrent.locks.Lock}
 * @param names the method names
 */
record CallPattern(String type, Set<String> names) {

    CallPattern {
        names = Set.copyOf(names);
    }

    static CallPattern of(String type, String... names) {
        return new CallPattern(type, Set.of(names));
    }

    boolean matches(ClassesOfTask task, JavaAccess<?> access) {
        return access.getTarget() instanceof CodeUnitAccessTarget target && names.contains(target.getName())
                && task.isAssignableTo(target.getOwner().getName(), type);
    }

    /** Where an access is, as a student names it: the method that holds it, and whether a lambda in it does. */
    static String where(JavaAccess<?> access) {
        return Wording.where(access.getOrigin()) + (access.isDeclaredInLambda() ? " (in a lambda)" : "");
    }

    /** A violation at an access. */
    static Violation at(JavaAccess<?> access, String message) {
        return new Violation(Wording.file(access.getOriginOwner()), access.getLineNumber(), message);
    }
}
