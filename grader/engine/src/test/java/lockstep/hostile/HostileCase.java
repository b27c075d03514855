package lockstep.hostile;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import lockstep.collect.Task;
import lockstep.model.TaskStatus;
import lockstep.run.RunLimits;

/**
 * One hostile submission of the corpus (a folder under {@code src/test/resources/hostile/} with only the files it
 * changes) and the verdict grading it must come to. Values only: {@link HostileGrading} grades, the tests judge.
 *
 * @param name          the folder's name, such as {@code thread-bomb}
 * @param attack        what the submission tries, in a few words, for the table
 * @param tasks         the tasks it attacks; each must end with {@code status} and {@code marks}
 * @param bystander     a task graded in the same run that must come out untouched (full marks), if any
 * @param overReference whether the reference solution fills in the files the folder lacks (false: graded alone)
 * @param limits        the test JVM's limits; a task that must keep its marks runs with {@link #HONEST_TIME} instead
 * @param status        the attacked tasks' status
 * @param marks         the attacked tasks' score
 * @param evidence      texts the attacked tasks' feedback (task message and test messages) must hold
 * @param absent        texts no feedback of the grade may hold (leaked sources, forged scores)
 * @param ignored       the ignored-file lines the grade must list, each as a prefix such as {@code exercises/Counter.java:}
 */
record HostileCase(String name, String attack, Set<Task> tasks, Optional<Task> bystander, boolean overReference,
                   RunLimits limits, TaskStatus status, Marks marks, List<String> evidence, List<String> absent,
                   List<String> ignored) {

    /** The score an attacked task must get. */
    enum Marks {
        /** Nothing: every point of the task is lost. */
        ZERO,
        /**
         * Nothing from a test that runs the code: those lose every point. The rule tests, which only read the compiled
         * classes ({@value #RULE_TESTS}), judge them on their own terms (a Launcher that only throws never calls
         * {@code run()} on a thread, for one) and keep what they find, where they got to run.
         */
        NOTHING_FROM_RUNNING,
        /** Everything: the hostile part cost the grade nothing (it was ignored, or it harmed nothing). */
        FULL
    }

    /** The package of the hidden tests that read a task's compiled classes and never run them. */
    static final String RULE_TESTS = "lockstep.hidden.rules.";

    /** Each test 3 s and each task 20 s, as the brief for the corpus says: far below the defaults. */
    static final RunLimits TIGHT = RunLimits.defaults().withTestTimeout(Duration.ofSeconds(3))
            .withWallClock(Duration.ofSeconds(20));

    /**
     * For code that never returns: each test 2 s, each task 5 s. Every launch test calls the code, so the task's 7
     * tests need 14 s of test timeouts and the task always runs into its wall clock, at 5 s instead of 20.
     */
    static final RunLimits HANG = RunLimits.defaults().withTestTimeout(Duration.ofSeconds(2))
            .withWallClock(Duration.ofSeconds(5));

    /**
     * The time limits of a task that must keep full marks (the bystander, and the attacked tasks of a case whose attack
     * must cost nothing): an honest task's, as in a real grade. Under a hostile case's tight limits a slow machine
     * could time out the task's own tests (a rule test's first class import alone has taken over 3 s on a loaded CI
     * machine), which would blame the attack for what the machine did.
     */
    static final RunLimits.TaskTime HONEST_TIME = new RunLimits.TaskTime(Duration.ofSeconds(60),
            Duration.ofSeconds(30));

    HostileCase {
        Objects.requireNonNull(name, "name");
        tasks = Set.copyOf(tasks);
        evidence = List.copyOf(evidence);
        absent = List.copyOf(absent);
        ignored = List.copyOf(ignored);
        if (bystander.isPresent() && tasks.contains(bystander.get())) {
            throw new IllegalArgumentException(name + ": the bystander is attacked");
        }
    }

    /** A case attacking {@code task}, graded over the reference with {@link #TIGHT} limits; expectations follow. */
    static HostileCase of(String name, String attack, Task task) {
        return new HostileCase(name, attack, Set.of(task), Optional.empty(), true, TIGHT, TaskStatus.GRADED,
                Marks.ZERO, List.of(), List.of(), List.of());
    }

    /** This case ending with {@code expected} and {@code score}, its feedback holding every text of {@code words}. */
    HostileCase expect(TaskStatus expected, Marks score, String... words) {
        return new HostileCase(name, attack, tasks, bystander, overReference, limits, expected, score,
                List.of(words), absent, ignored);
    }

    /** This case with {@code task} graded in the same run, which must keep its full marks. */
    HostileCase beside(Task task) {
        return new HostileCase(name, attack, tasks, Optional.of(task), overReference, limits, status, marks, evidence,
                absent, ignored);
    }

    /** This case graded under {@code runLimits}. */
    HostileCase within(RunLimits runLimits) {
        return new HostileCase(name, attack, tasks, bystander, overReference, runLimits, status, marks, evidence,
                absent, ignored);
    }

    /** This case graded on its own, every task of the assignment attacked, with no reference filling in files. */
    HostileCase aloneOnEveryTask() {
        return new HostileCase(name, attack, EnumSet.allOf(Task.class), Optional.empty(), false, limits, status,
                marks, evidence, absent, ignored);
    }

    /** This case with none of {@code texts} in any feedback of the grade. */
    HostileCase without(String... texts) {
        return new HostileCase(name, attack, tasks, bystander, overReference, limits, status, marks, evidence,
                List.of(texts), ignored);
    }

    /** This case listing, among the ignored files, a line starting with each of {@code prefixes}. */
    HostileCase ignoring(String... prefixes) {
        return new HostileCase(name, attack, tasks, bystander, overReference, limits, status, marks, evidence, absent,
                List.of(prefixes));
    }

    /** The limits the grade runs under: {@link #HONEST_TIME} for each task that must keep full marks, else the case's. */
    RunLimits runLimits() {
        RunLimits run = limits;
        for (Task task : graded()) {
            if (marks == Marks.FULL || bystander.equals(Optional.of(task))) {
                run = run.withTaskTime(task.id(), HONEST_TIME);
            }
        }
        return run;
    }

    /** Every task graded in the run: the attacked ones and the bystander. */
    Set<Task> graded() {
        Set<Task> graded = EnumSet.copyOf(tasks);
        bystander.ifPresent(graded::add);
        return graded;
    }

    /**
     * The longest a grade of this case may take: each task's run within its wall clock, plus for each task 10 s for
     * the thread dump the grader waits for (up to 5 s), killing the JVM and starting the next, plus 15 s to compile.
     */
    Duration cap() {
        RunLimits run = runLimits();
        return graded().stream().map(task -> run.timeOf(task.id()).wallClock().plusSeconds(10))
                .reduce(Duration.ofSeconds(15), Duration::plus);
    }

    @Override
    public String toString() {
        return name;
    }
}
