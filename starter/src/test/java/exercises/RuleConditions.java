package exercises;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The conditions of the assignment's synchronization rules. Each one reports every violation it finds as a sentence
 * that names the class, the method and the line, says what is wrong and what to do instead.
 */
public final class RuleConditions {

    private static final String LOCKS = "java.util.concurrent.locks";
    private static final String ATOMICS = "java.util.concurrent.atomic";

    private RuleConditions() {
    }

    /** How a counter guards its count. */
    public enum Guard {
        /** The intrinsic lock: a synchronized method or block. */
        SYNCHRONIZED,
        /** A {@link Lock}: {@code lock()}, then {@code unlock()} in a finally block. */
        LOCK
    }

    /** Somewhere in the class (or a class nested in it) a thread is started with {@code Thread.start()}. */
    public static ArchCondition<JavaClass> callThreadStart() {
        return new ArchCondition<>("call Thread.start()") {
            private boolean started;
            private JavaClass topLevel;

            @Override
            public void init(Collection<JavaClass> classes) {
                started = false;
                topLevel = classes.stream().filter(c -> !c.isNestedClass()).findFirst().orElse(null);
            }

            @Override
            public void check(JavaClass type, ConditionEvents events) {
                started |= callsOnThread(type, "start").findAny().isPresent();
            }

            @Override
            public void finish(ConditionEvents events) {
                if (!started) {
                    String name = topLevel == null ? "the class" : name(topLevel);
                    events.add(SimpleConditionEvent.violated(name, name + " never calls start() on a Thread: create"
                            + " a new Thread for each task and call start() on it, so that the task runs on that"
                            + " thread, at the same time as the others"));
                }
            }
        };
    }

    /** No call of {@code run()} on a {@link Thread}: that would run the task on the calling thread. */
    public static ArchCondition<JavaClass> neverCallThreadRun() {
        return new ArchCondition<>("never call Thread.run()") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                callsOnThread(type, "run").forEach(call -> events.add(SimpleConditionEvent.violated(call,
                        describe(call.getOrigin()) + " calls run() on a Thread" + where(call.getSourceCodeLocation())
                                + ": that runs the task on the calling thread, one after the other; call start()"
                                + " instead")));
            }
        };
    }

    /** The class keeps its count in a field of type {@code long}, not static, not volatile. */
    public static ArchCondition<JavaClass> keepAPlainLongField() {
        return topLevelCondition("keep a plain long field", type -> type.getFields().stream().anyMatch(field ->
                        field.getRawType().getName().equals("long")
                                && !field.getModifiers().contains(JavaModifier.STATIC)
                                && !field.getModifiers().contains(JavaModifier.VOLATILE)),
                type -> name(type) + " has no plain long field to count in: add a field like private long count;");
    }

    /** The class keeps something from {@code java.util.concurrent.atomic} in a field, for example an AtomicLong. */
    public static ArchCondition<JavaClass> keepAnAtomicField() {
        return topLevelCondition("keep an atomic field", type -> type.getFields().stream()
                        .anyMatch(field -> field.getRawType().getPackageName().equals(ATOMICS)),
                type -> name(type) + " has no field from java.util.concurrent.atomic: keep the count in an"
                        + " AtomicLong, for example private final AtomicLong count = new AtomicLong();");
    }

    /** The class keeps a {@link Lock} in a field. */
    public static ArchCondition<JavaClass> keepALockField() {
        return topLevelCondition("keep a Lock field", type -> type.getFields().stream()
                        .anyMatch(field -> field.getRawType().isAssignableTo(Lock.class)),
                type -> name(type) + " has no field of type java.util.concurrent.locks.Lock: add one, for example"
                        + " private final Lock lock = new ReentrantLock();");
    }

    /** Method {@code methodName} of the class holds the lock while it works. */
    public static ArchCondition<JavaClass> guard(String methodName, Guard guard) {
        return guard(methodName, guard, false);
    }

    /**
     * Method {@code methodName} holds the lock, or only reads volatile fields: either way it sees the latest value
     * written by any thread.
     */
    public static ArchCondition<JavaClass> guardOrReadVolatile(String methodName, Guard guard) {
        return guard(methodName, guard, true);
    }

    /** No synchronized method and no synchronized block anywhere in the class. */
    public static ArchCondition<JavaClass> useNoSynchronized(String instead) {
        return new ArchCondition<>("use no synchronized") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaMethod method : type.getMethods()) {
                    if (method.getModifiers().contains(JavaModifier.SYNCHRONIZED)) {
                        events.add(SimpleConditionEvent.violated(method, describe(method) + " is declared synchronized"
                                + where(method.getSourceCodeLocation()) + ": " + instead));
                    }
                }
                for (ClassFile.Method method : ClassFile.of(type.reflect()).methods()) {
                    if (method.synchronizedBlock()) {
                        events.add(SimpleConditionEvent.violated(type, label(type, method.name())
                                + " holds a synchronized block: " + instead));
                    }
                }
            }
        };
    }

    /** No field, call or other use of anything from {@code java.util.concurrent.locks}. */
    public static ArchCondition<JavaClass> useNoLock(String instead) {
        return useNothingFrom(LOCKS, instead);
    }

    /** No field, call or other use of anything from {@code java.util.concurrent.atomic}. */
    public static ArchCondition<JavaClass> useNoAtomic(String instead) {
        return useNothingFrom(ATOMICS, instead);
    }

    /** No volatile field. */
    public static ArchCondition<JavaClass> haveNoVolatileField(String instead) {
        return new ArchCondition<>("have no volatile field") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaField field : type.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.VOLATILE)) {
                        events.add(SimpleConditionEvent.violated(field,
                                name(type) + "." + field.getName() + " is volatile: " + instead));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> guard(String methodName, Guard guard, boolean volatileReadWillDo) {
        return new ArchCondition<>("guard " + methodName + "()") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.isNestedClass()) {
                    return;
                }
                Optional<JavaMethod> declared = type.getMethods().stream()
                        .filter(m -> m.getName().equals(methodName) && m.getParameters().isEmpty()).findFirst();
                if (declared.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(type, name(type) + " declares no " + methodName + "()"));
                    return;
                }
                JavaMethod method = declared.get();
                Optional<ClassFile.Method> body = ClassFile.of(type.reflect()).method(methodName);
                if (volatileReadWillDo && readsOnlyVolatileFields(method)) {
                    return;
                }
                String problem = guard == Guard.SYNCHRONIZED ? synchronizedProblem(method, body)
                        : lockProblem(method, body);
                if (problem != null) {
                    events.add(SimpleConditionEvent.violated(method, describe(method)
                            + where(method.getSourceCodeLocation()) + " " + problem));
                }
            }
        };
    }

    private static String synchronizedProblem(JavaMethod method, Optional<ClassFile.Method> body) {
        if (method.getModifiers().contains(JavaModifier.SYNCHRONIZED)
                || body.map(ClassFile.Method::synchronizedBlock).orElse(false)) {
            return null;
        }
        return "takes no intrinsic lock: declare it synchronized (or put its body in a synchronized block), so that"
                + " only one thread at a time runs it and it sees the latest count";
    }

    private static String lockProblem(JavaMethod method, Optional<ClassFile.Method> body) {
        boolean locks = method.getMethodCallsFromSelf().stream().anyMatch(call ->
                (call.getName().equals("lock") || call.getName().equals("lockInterruptibly"))
                        && call.getTarget().getOwner().isAssignableTo(Lock.class));
        if (!locks) {
            return "never calls lock() on a Lock: call lock.lock() first, so that only one thread at a time runs it"
                    + " and it sees the latest count";
        }
        if (!body.map(b -> b.callsInFinally().contains("unlock")).orElse(false)) {
            return "calls lock() but does not call unlock() in a finally block: write"
                    + " lock.lock(); try { ... } finally { lock.unlock(); }, or an exception leaves the lock held"
                    + " and every other thread waits forever";
        }
        return null;
    }

    private static boolean readsOnlyVolatileFields(JavaMethod method) {
        List<JavaFieldAccess> reads = method.getFieldAccesses().stream()
                .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.GET).toList();
        return !reads.isEmpty() && reads.stream().allMatch(access -> access.getTarget().resolveMember()
                .map(field -> field.getModifiers().contains(JavaModifier.VOLATILE)).orElse(false));
    }

    private static ArchCondition<JavaClass> useNothingFrom(String packageName, String instead) {
        return new ArchCondition<>("use nothing from " + packageName) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Set<String> reported = new LinkedHashSet<>();
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.getPackageName().equals(packageName) && reported.add(target.getName())) {
                        events.add(SimpleConditionEvent.violated(dependency, name(type) + " uses "
                                + target.getName() + where(dependency.getSourceCodeLocation()) + ": " + instead));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> topLevelCondition(String description,
            Predicate<JavaClass> holds, Function<JavaClass, String> violation) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!type.isNestedClass() && !holds.test(type)) {
                    events.add(SimpleConditionEvent.violated(type, violation.apply(type)));
                }
            }
        };
    }

    /** Calls and method references {@code Thread.<methodName>()} from the class's code. */
    private static Stream<JavaAccess<?>> callsOnThread(JavaClass type, String methodName) {
        return Stream.<JavaAccess<?>>concat(type.getMethodCallsFromSelf().stream(),
                        type.getMethodReferencesFromSelf().stream())
                .filter(access -> {
                    AccessTarget target = access.getTarget();
                    return target.getName().equals(methodName)
                            && target instanceof AccessTarget.CodeUnitAccessTarget unit
                            && unit.getRawParameterTypes().isEmpty()
                            && target.getOwner().isAssignableTo(Thread.class);
                });
    }

    /** {@code Launcher.runAll(...)}: the class as the source names it, the method, and whether it takes arguments. */
    static String describe(JavaCodeUnit method) {
        if (method.isConstructor()) {
            return "the constructor of " + name(method.getOwner());
        }
        return name(method.getOwner()) + "." + method.getName() + (method.getParameters().isEmpty() ? "()" : "(...)");
    }

    private static String name(JavaClass type) {
        return type.getName().substring(type.getName().lastIndexOf('.') + 1);
    }

    /** A method of a class file as the source shows it: {@code lambda$increment$0} is a lambda in increment(). */
    private static String label(JavaClass type, String bytecodeName) {
        String[] parts = bytecodeName.split("\\$");
        if (bytecodeName.startsWith("lambda$") && parts.length > 1) {
            return "a lambda in " + name(type) + "." + parts[1] + "()";
        }
        return bytecodeName.equals("<init>") ? "the constructor of " + name(type)
                : name(type) + "." + bytecodeName + "()";
    }

    /** {@code " (Launcher.java:12)"}, or nothing where the class file holds no line number. */
    private static String where(SourceCodeLocation location) {
        return location.getLineNumber() > 0 ? " " + location : "";
    }
}
