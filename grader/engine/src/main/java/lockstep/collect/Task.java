package lockstep.collect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The assignment's three tasks, in the order of EXERCISES.md: each is collected, compiled, checked and graded on its
 * own, so one broken task never costs the others their points.
 */
public enum Task {
    /** Start and join threads. */
    LAUNCH("Launcher"),
    /** Make the race visible. */
    RACE("UnsafeCounter", "RaceDemo"),
    /** Fix it with a lock. */
    LOCKS("SynchronizedCounter", "LockedCounter", "AtomicCounter", "Account", "Bank");

    private final List<String> expectedClasses;

    Task(String... expectedClasses) {
        this.expectedClasses = List.of(expectedClasses);
    }

    /** The task's id as graded and reported, such as {@code race}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task's Java package, such as {@code exercises.race}. */
    public String packageName() {
        return "exercises." + id();
    }

    /** The task's folder under a source root, with a trailing slash, such as {@code exercises/race/}. */
    public String folder() {
        return "exercises/" + id() + "/";
    }

    /** The simple names of the classes EXERCISES.md asks for in this task, such as {@code RaceDemo}. */
    public List<String> expectedClasses() {
        return expectedClasses;
    }

    /** The task with the given {@linkplain #id() id}, if there is one. */
    public static Optional<Task> byId(String id) {
        for (Task task : values()) {
            if (task.id().equals(id)) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }
}
