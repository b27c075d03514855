package lockstep.selfcheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lockstep.api.Graded;
import lockstep.model.GradeResult;
import lockstep.model.ScoreTable;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the score table at the end of a student's {@code ./mvnw verify}. Registered through
 * {@code META-INF/services}, so any JUnit Platform run that has this jar on its class path picks it up; it prints
 * nothing when no {@link Graded} test ran. Called by the launcher on one thread at a time.
 */
public final class SelfCheckListener implements TestExecutionListener {

    /** The configuration parameter (or system property) that names the suite; {@code public} where unset. */
    static final String SUITE = "lockstep.suite";

    private final Map<String, List<TestResult>> byTask = new LinkedHashMap<>();
    private String suite = "public";

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        suite = plan.getConfigurationParameters().get(SUITE).orElse("public");
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        graded(test).ifPresent(graded -> byTask.computeIfAbsent(graded.task(), t -> new ArrayList<>())
                .add(TestOutcome.of(test, graded.points(), result)));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        graded(test).ifPresent(graded -> byTask.computeIfAbsent(graded.task(), t -> new ArrayList<>())
                .add(TestOutcome.skipped(test, graded.points(), reason)));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (byTask.isEmpty()) {
            return;
        }
        List<TaskResult> tasks = new ArrayList<>();
        byTask.forEach((task, tests) -> tasks.add(TaskResult.of(task, TaskStatus.GRADED, "", tests)));
        tasks.sort(Comparator.comparingInt((TaskResult t) -> rank(t.id())).thenComparing(TaskResult::id));
        GradeResult grade = GradeResult.of("your code", suite, 0, tasks, List.of(), Map.of());
        System.out.print("\n" + ScoreTable.render(grade));
        if (grade.score() < grade.maxScore()) {
            System.out.println("Not there yet: each line above names a test that lost points and why. "
                    + "Fix the first one, then run ./mvnw verify again.");
        } else if (suite.equals("public")) {
            System.out.println("Every public test passes. The hidden tests go further: stress your code harder.");
        } else {
            System.out.println("Every " + suite + " test passes.");
        }
        byTask.clear();
    }

    /** The assignment's tasks in the order of EXERCISES.md; any other task after them. */
    private static int rank(String task) {
        int index = List.of("launch", "race", "locks").indexOf(task);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** The {@link Graded} annotation of a test method, if the identifier is one. */
    static Optional<Graded> graded(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (!test.isTest() || source.isEmpty() || !(source.get() instanceof MethodSource)) {
            return Optional.empty();
        }
        MethodSource method = (MethodSource) source.get();
        try {
            Method m = method.getJavaMethod();
            return Optional.ofNullable(m.getAnnotation(Graded.class));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
