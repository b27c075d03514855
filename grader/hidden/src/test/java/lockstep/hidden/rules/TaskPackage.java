package lockstep.hidden.rules;

import java.util.List;

/** A task of EXERCISES.md as the synchronization rules see it: its package and the classes its contract names. */
enum TaskPackage {

    LAUNCH("launch", List.of("Launcher")),
    RACE("race", List.of("UnsafeCounter", "RaceDemo")),
    LOCKS("locks", List.of("LockedCounter", "SynchronizedCounter", "AtomicCounter", "Account", "Bank"));

    private final String id;
    private final List<String> contractClasses;

    TaskPackage(String id, List<String> contractClasses) {
        this.id = id;
        this.contractClasses = contractClasses;
    }

    /** The task id: {@code launch}, {@code race} or {@code locks}. */
    String id() {
        return id;
    }

    /** The package of the task's classes, such as {@code exercises.locks}. */
    String packageName() {
        return "exercises." + id;
    }

    /** The same as a folder of a class path, such as {@code exercises/locks}. */
    String packagePath() {
        return "exercises/" + id;
    }

    /** The binary name of a class of this task, such as {@code exercises.locks.Bank} for {@code Bank}. */
    String className(String simpleName) {
        return packageName() + "." + simpleName;
    }

    /** The binary names of the classes EXERCISES.md names for this task. */
    List<String> contractClassNames() {
        return contractClasses.stream().map(this::className).toList();
    }
}
