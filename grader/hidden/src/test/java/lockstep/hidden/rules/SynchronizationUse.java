package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.FieldAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Conditions on which kinds of synchronization a class uses, anywhere in its code (nested, anonymous and inherited
 * code, lambdas, and the task's helpers it reaches): the field it keeps its count in, {@code synchronized} methods
 * and blocks, {@code volatile} fields, and the types it uses from the JDK's concurrency packages.
 */
final class SynchronizationUse {

    /** Types of {@code java.util.concurrent.locks}. */
    static final Predicate<String> LOCKS = name -> name.startsWith("java.util.concurrent.locks.");

    /** Types of {@code java.util.concurrent.atomic}. */
    static final Predicate<String> ATOMICS = name -> name.startsWith("java.util.concurrent.atomic.");

    /** {@code VarHandle}: atomic access without an atomic class. */
    static final Predicate<String> VAR_HANDLE = name -> name.equals("java.lang.invoke.VarHandle");

    private SynchronizationUse() {
    }

    /** The class keeps its count in a {@code long} field that is neither static, final nor volatile. */
    static Condition keepsAPlainLongField(String className) {
        return keepsAField(className, field -> field.getRawType().getName().equals("long")
                        && !field.getModifiers().contains(JavaModifier.STATIC)
                        && !field.getModifiers().contains(JavaModifier.FINAL)
                        && !field.getModifiers().contains(JavaModifier.VOLATILE),
                RuleMessages::noPlainLongField);
    }

    /** The class (or a task class it uses) keeps something of {@code java.util.concurrent.atomic} in a field. */
    static Condition keepsAnAtomicField(String className) {
        return keepsAField(className, field -> ATOMICS.test(field.getRawType().getBaseComponentType().getName()),
                RuleMessages::noAtomicField);
    }

    /** The class (or a task class it uses) keeps a {@code Lock} or a {@code ReadWriteLock} in a field. */
    static Condition keepsALockField(String className) {
        return keepsAField(className, field -> field.getRawType().isAssignableTo("java.util.concurrent.locks.Lock")
                        || field.getRawType().isAssignableTo("java.util.concurrent.locks.ReadWriteLock"),
                RuleMessages::noLockField);
    }

    /** No synchronized method and no synchronized block anywhere in the class's code. */
    static Condition usesNoSynchronized(String className, String instead) {
        return (classes, report) -> {
            CodeScope scope = scopeOf(classes, className);
            for (JavaCodeUnit unit : scope.units()) {
                if (unit.getModifiers().contains(JavaModifier.SYNCHRONIZED)) {
                    report.add(new Violation(Wording.file(unit.getOwner()),
                            unit.getSourceCodeLocation().getLineNumber(),
                            RuleMessages.declaredSynchronized(Wording.where(unit), instead)));
                }
            }
            for (Body body : scope.bodies()) {
                AbstractInsnNode block = MonitorDiscipline.firstSynchronizedBlock(body);
                if (block != null) {
                    report.add(body.at(block, RuleMessages.synchronizedBlock(body.where(), body.line(block),
                            instead)));
                }
            }
        };
    }

    /** No volatile field in the class's code, nor one of the task that its code reads or writes. */
    static Condition hasNoVolatileField(String className, String instead) {
        return (classes, report) -> {
            for (JavaField field : scopeOf(classes, className).fields()) {
                if (field.getModifiers().contains(JavaModifier.VOLATILE)) {
                    report.add(new Violation(Wording.file(field.getOwner()), 0,
                            RuleMessages.volatileField(Wording.field(field), instead)));
                }
            }
        };
    }

    /**
     * Nothing of the types {@code forbidden} accepts: no field of such a type, and no call, field access or
     * reference whose owner, field type or return type is one.
     */
    static Condition usesNoneOf(String className, Predicate<String> forbidden, String instead) {
        return (classes, report) -> {
            CodeScope scope = scopeOf(classes, className);
            for (JavaField field : scope.fields()) {
                JavaClass type = field.getRawType().getBaseComponentType();
                if (forbidden.test(type.getName())) {
                    report.add(new Violation(Wording.file(field.getOwner()), 0,
                            RuleMessages.fieldOfType(Wording.field(field), Wording.typeName(field.getRawType()),
                                    instead)));
                }
            }
            Set<String> reported = new HashSet<>();
            for (JavaAccess<?> access : scope.accesses()) {
                for (JavaClass type : typesOf(access)) {
                    String where = CallPattern.where(access);
                    if (forbidden.test(type.getName()) && reported.add(where + " " + type.getName())) {
                        report.add(CallPattern.at(access, RuleMessages.uses(where, Wording.typeName(type),
                                access.getLineNumber(), instead)));
                    }
                }
            }
        };
    }

    /** The code of the class {@code className}, and what it reaches. */
    static CodeScope scopeOf(ClassesOfTask classes, String className) {
        return CodeScope.ofClasses(classes, List.of(classes.require(className)));
    }

    private static List<JavaClass> typesOf(JavaAccess<?> access) {
        JavaClass owner = access.getTargetOwner().getBaseComponentType();
        if (access.getTarget() instanceof CodeUnitAccessTarget target) {
            return List.of(owner, target.getRawReturnType().getBaseComponentType());
        }
        if (access.getTarget() instanceof FieldAccessTarget target) {
            return List.of(owner, target.getRawType().getBaseComponentType());
        }
        return List.of(owner);
    }

    private static Condition keepsAField(String className, Predicate<JavaField> wanted,
                                         Function<String, String> missing) {
        return (classes, report) -> {
            JavaClass type = classes.require(className);
            if (scopeOf(classes, className).fields().stream().noneMatch(wanted)) {
                report.add(new Violation(Wording.file(type), 0, missing.apply(className)));
            }
        };
    }
}
