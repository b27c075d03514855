package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorCallTarget;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorReferenceTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The code that a class (or one method) of the task brings to run: its own methods, those of the classes nested in it
 * (anonymous and local ones too), of its superclasses in the task, of every task class it creates, and every method
 * of the task it calls or references, transitively, overriding methods in the task's subclasses included. ArchUnit
 * already counts a lambda's calls as calls of the method that holds it; {@link #bodies()} adds the lambdas' own
 * bytecode for the rules that read it.
 */
final class CodeScope {

    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";

    private final ClassesOfTask task;
    private final Set<JavaClass> classes = new LinkedHashSet<>();
    private final Set<JavaCodeUnit> units = new LinkedHashSet<>();
    private final Deque<JavaCodeUnit> pending = new ArrayDeque<>();

    private CodeScope(ClassesOfTask task) {
        this.task = task;
    }

    /** The code of {@code roots} and everything of the task it reaches. */
    static CodeScope ofClasses(ClassesOfTask task, Collection<JavaClass> roots) {
        CodeScope scope = new CodeScope(task);
        roots.forEach(scope::addClass);
        scope.close();
        return scope;
    }

    /** The code that one method reaches: its own, its lambdas' and that of the task methods it calls. */
    static CodeScope ofUnit(ClassesOfTask task, JavaCodeUnit root) {
        CodeScope scope = new CodeScope(task);
        scope.addUnit(root);
        scope.close();
        return scope;
    }

    /** The classes whose every method is in scope. */
    Set<JavaClass> classes() {
        return classes;
    }

    /** The methods, constructors and static initializers in scope. */
    Set<JavaCodeUnit> units() {
        return units;
    }

    /** Every access from the code in scope: calls, field accesses, method and constructor references. */
    List<JavaAccess<?>> accesses() {
        List<JavaAccess<?>> accesses = new ArrayList<>();
        for (JavaCodeUnit unit : units) {
            accesses.addAll(unit.getAccessesFromSelf());
            accesses.addAll(unit.getCodeUnitReferencesFromSelf());
        }
        return accesses;
    }

    /** The fields of the classes in scope, and the task's fields that the code in scope reads or writes. */
    Set<JavaField> fields() {
        Set<JavaField> fields = new LinkedHashSet<>();
        classes.forEach(type -> fields.addAll(type.getFields()));
        for (JavaCodeUnit unit : units) {
            for (JavaFieldAccess access : unit.getFieldAccesses()) {
                if (task.contains(access.getTargetOwner())) {
                    access.getTarget().resolveMember().ifPresent(fields::add);
                }
            }
        }
        return fields;
    }

    /** The bytecode of every method in scope, and of the lambdas inside them. */
    List<Body> bodies() {
        Map<String, Body> bodies = new LinkedHashMap<>();
        for (JavaCodeUnit unit : units) {
            ClassNode owner = task.node(ClassesOfTask.internalName(unit.getOwner().getName())).orElse(null);
            MethodNode method = owner == null ? null : method(owner, unit.getName(), Wording.descriptor(unit));
            if (method != null) {
                addWithLambdas(new Body(owner, method, Wording.where(unit)), bodies);
            }
        }
        return List.copyOf(bodies.values());
    }

    private void addWithLambdas(Body body, Map<String, Body> bodies) {
        if (bodies.putIfAbsent(body.key(), body) != null) {
            return;
        }
        for (AbstractInsnNode insn : body.method().instructions) {
            if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(LAMBDA_FACTORY)
                    && indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle target
                    && target.getOwner().equals(body.owner().name) && target.getName().startsWith("lambda$")) {
                MethodNode lambda = method(body.owner(), target.getName(), target.getDesc());
                if (lambda != null) {
                    String where = body.where().endsWith("(in a lambda)") ? body.where()
                            : body.where() + " (in a lambda)";
                    addWithLambdas(new Body(body.owner(), lambda, where), bodies);
                }
            }
        }
    }

    private static MethodNode method(ClassNode owner, String name, String desc) {
        return owner.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst()
                .orElse(null);
    }

    private void addClass(JavaClass type) {
        if (!task.contains(type) || !classes.add(type)) {
            return;
        }
        type.getCodeUnits().forEach(this::addUnit);
        type.getRawSuperclass().ifPresent(this::addClass);
        type.getRawInterfaces().forEach(this::addClass);
        String nestedPrefix = type.getName() + "$";
        task.classes().stream().filter(other -> other.getName().startsWith(nestedPrefix)).toList()
                .forEach(this::addClass);
    }

    private void addUnit(JavaCodeUnit unit) {
        if (task.contains(unit.getOwner()) && units.add(unit)) {
            pending.add(unit);
        }
    }

    private void close() {
        while (!pending.isEmpty()) {
            JavaCodeUnit unit = pending.poll();
            unit.getCallsFromSelf().forEach(call -> follow(call.getTarget()));
            unit.getCodeUnitReferencesFromSelf().forEach(reference -> follow(reference.getTarget()));
        }
    }

    private void follow(CodeUnitAccessTarget target) {
        JavaClass owner = target.getOwner();
        if (!task.contains(owner)) {
            return;
        }
        if (target instanceof ConstructorCallTarget || target instanceof ConstructorReferenceTarget) {
            addClass(owner); // a created object brings all its code: the JDK may call any of it (run, call, ...)
            return;
        }
        target.resolveMember().ifPresent(this::addUnit);
        List<String> parameters = target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
        for (JavaClass subclass : owner.getAllSubclasses()) {
            subclass.getCodeUnits().stream()
                    .filter(unit -> unit.getName().equals(target.getName()) && unit.getRawParameterTypes().stream()
                            .map(JavaClass::getName).toList().equals(parameters))
                    .forEach(this::addUnit);
        }
    }
}
