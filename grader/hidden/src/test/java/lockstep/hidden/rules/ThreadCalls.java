package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Conditions on how the task's code uses threads, read from the calls ArchUnit imported (a lambda's calls count for
 * the method that holds it, and calls into the task's helpers are followed): that a method starts threads and waits
 * for them, that its threads meet at a start gate, that no code calls {@code run()} on a Thread, that no code sleeps.
 */
final class ThreadCalls {

    private static final String THREAD = "java.lang.Thread";

    /** Starting: a Thread, a Thread.Builder, an Executor, an asynchronous CompletableFuture. */
    static final List<CallPattern> STARTS = List.of(
            CallPattern.of(THREAD, "start", "startVirtualThread"),
            CallPattern.of("java.lang.Thread$Builder", "start"),
            CallPattern.of("java.util.concurrent.Executor", "execute", "submit", "invokeAll", "invokeAny",
                    "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"),
            CallPattern.of("java.util.concurrent.CompletableFuture", "runAsync", "supplyAsync"));

    /** Waiting for threads: join, an ExecutorService's termination, a Future's result, a latch. */
    static final List<CallPattern> JOINS = List.of(
            CallPattern.of(THREAD, "join"),
            CallPattern.of("java.util.concurrent.ExecutorService", "awaitTermination", "invokeAll", "close"),
            CallPattern.of("java.util.concurrent.Future", "get", "join"),
            CallPattern.of("java.util.concurrent.CountDownLatch", "await"));

    /** Meeting at a start gate: a latch or a barrier. */
    static final List<CallPattern> GATES = List.of(
            CallPattern.of("java.util.concurrent.CountDownLatch", "await"),
            CallPattern.of("java.util.concurrent.CyclicBarrier", "await"),
            CallPattern.of("java.util.concurrent.Phaser", "arriveAndAwaitAdvance", "awaitAdvance",
                    "awaitAdvanceInterruptibly"));

    /** Sleeping. */
    static final List<CallPattern> SLEEPS = List.of(
            CallPattern.of(THREAD, "sleep"),
            CallPattern.of("java.util.concurrent.TimeUnit", "sleep"));

    private static final CallPattern RUN = CallPattern.of(THREAD, "run");

    private ThreadCalls() {
    }

    /** Each method {@code methodName} of the class starts at least one thread and waits for it. */
    static Condition startsAndJoins(String className, String methodName) {
        return eachMethod(className, methodName, (classes, scope) -> {
            List<Function<String, String>> failures = new ArrayList<>();
            if (!calls(classes, scope, STARTS)) {
                failures.add(RuleMessages::neverStarts);
            }
            if (!calls(classes, scope, JOINS)) {
                failures.add(RuleMessages::neverJoins);
            }
            return failures;
        });
    }

    /** Each method {@code methodName} of the class lets its threads meet at a latch or a barrier. */
    static Condition waitsAtStartGate(String className, String methodName) {
        return eachMethod(className, methodName, (classes, scope) ->
                calls(classes, scope, GATES) ? List.of() : List.of(RuleMessages::noStartGate));
    }

    /** Some code of the class (or that it reaches) starts a thread: start(), an Executor, a Thread.Builder. */
    static Condition startsSomewhere(String className) {
        return (classes, report) -> {
            JavaClass type = classes.require(className);
            if (!calls(classes, CodeScope.ofClasses(classes, List.of(type)), STARTS)) {
                report.add(new Violation(Wording.file(type), 0, RuleMessages.neverStartsAnywhere(className)));
            }
        };
    }

    /** No code of the class (or that it reaches) calls {@code run()} on a Thread; {@code super.run()} may. */
    static Condition neverCallsRun(String className) {
        return (classes, report) -> {
            CodeScope scope = CodeScope.ofClasses(classes, List.of(classes.require(className)));
            for (JavaAccess<?> access : scope.accesses()) {
                if (RUN.matches(classes, access) && access.getTarget() instanceof CodeUnitAccessTarget target
                        && target.getRawParameterTypes().isEmpty() && !isSuperRun(classes, access)) {
                    report.add(CallPattern.at(access, RuleMessages.callsRun(CallPattern.where(access),
                            access.getLineNumber())));
                }
            }
        };
    }

    /** No code of the classes (or that they reach) calls Thread.sleep or TimeUnit.sleep; {@code why} says why. */
    static Condition neverSleeps(List<String> classNames, String why) {
        return (classes, report) -> {
            CodeScope scope = CodeScope.ofClasses(classes, classNames.stream().map(classes::require).toList());
            for (JavaAccess<?> access : scope.accesses()) {
                if (SLEEPS.stream().anyMatch(sleep -> sleep.matches(classes, access))) {
                    String call = Wording.simpleName(ClassesOfTask.internalName(access.getTargetOwner().getName()))
                            + "." + access.getName();
                    report.add(CallPattern.at(access, RuleMessages.sleeps(CallPattern.where(access), call,
                            access.getLineNumber(), why)));
                }
            }
        };
    }

    /** Whether the scope calls (or references) one of {@code patterns}. */
    static boolean calls(ClassesOfTask classes, CodeScope scope, List<CallPattern> patterns) {
        return scope.accesses().stream().anyMatch(access -> patterns.stream()
                .anyMatch(pattern -> pattern.matches(classes, access)));
    }

    /** A check of one method's scope: a message for each way the method breaks it, given the method's name. */
    @FunctionalInterface
    interface MethodCheck {
        List<Function<String, String>> failures(ClassesOfTask classes, CodeScope scope);
    }

    /** Runs {@code check} on each method {@code methodName} of the class, inherited ones of the task included. */
    static Condition eachMethod(String className, String methodName, MethodCheck check) {
        return (classes, report) -> {
            JavaClass type = classes.require(className);
            List<JavaMethod> methods = type.getAllMethods().stream()
                    .filter(method -> method.getName().equals(methodName) && classes.contains(method.getOwner()))
                    .toList();
            if (methods.isEmpty()) {
                report.add(new Violation(Wording.file(type), 0,
                        RuleMessages.methodMissing(className, methodName + "(...)")));
            }
            for (JavaCodeUnit method : methods) {
                for (Function<String, String> failure : check.failures(classes, CodeScope.ofUnit(classes, method))) {
                    report.add(new Violation(Wording.file(method.getOwner()),
                            method.getSourceCodeLocation().getLineNumber(), failure.apply(Wording.where(method))));
                }
            }
        };
    }

    private static boolean isSuperRun(ClassesOfTask classes, JavaAccess<?> access) {
        JavaCodeUnit origin = access.getOrigin();
        return origin.getName().equals("run") && origin.getRawParameterTypes().isEmpty()
                && classes.isAssignableTo(origin.getOwner().getName(), THREAD)
                && !access.getTargetOwner().equals(origin.getOwner())
                && origin.getOwner().isAssignableTo(access.getTargetOwner().getName());
    }
}
