package lockstep.hostile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lockstep.JdkNeutral;
import lockstep.collect.SubmissionCollector;
import lockstep.collect.Task;
import lockstep.compile.CompiledTask;
import lockstep.compile.SubmissionCompiler;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.run.RunRecord;
import lockstep.run.TaskRun;
import lockstep.suite.GradedTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades every hostile submission of the corpus with the real grader and the hidden suite, and holds each to the
 * verdict its case declares: the status, the score, the evidence in the feedback, a verdict within the limits, and
 * the task graded beside it untouched. Prints the table of verdicts at the end (also written to
 * {@code target/hostile-verdicts.md}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@JdkNeutral
class HostileSubmissionsTest {

    /** Far above any honest feedback: a grade whose text is longer lets a submission bloat the report. */
    private static final int MAX_FEEDBACK_CHARS = 256 * 1024;

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockstep.hostile.HostileCorpus#cases")
    void gradingComesToTheVerdictTheCaseDeclares(HostileCase hostile) {
        Verdict verdict = HostileGrading.verdict(hostile);
        List<Executable> checks = new ArrayList<>();
        for (Task task : hostile.tasks()) {
            TaskResult result = verdict.task(task);
            String feedback = Verdict.feedback(result);
            checks.add(() -> assertEquals(hostile.status(), result.status(), task.id() + ":\n" + feedback));
            checks.add(() -> assertTrue(result.maxScore() > 0, task.id() + " has no points to lose"));
            checks.add(() -> assertEquals(expectedScore(hostile.marks(), result), result.score(),
                    task.id() + " score:\n" + feedback));
            for (String evidence : hostile.evidence()) {
                checks.add(() -> assertTrue(feedback.contains(evidence),
                        task.id() + " feedback lacks \"" + evidence + "\":\n" + feedback));
            }
        }
        String everything = verdict.feedback();
        for (String secret : hostile.absent()) {
            checks.add(() -> assertTrue(!everything.contains(secret), "the feedback holds \"" + secret + "\""));
        }
        checks.add(() -> assertTrue(everything.length() < MAX_FEEDBACK_CHARS,
                "the feedback is " + everything.length() + " characters long"));
        for (String prefix : hostile.ignored()) {
            checks.add(() -> assertTrue(verdict.grade().ignored().stream().anyMatch(line -> line.startsWith(prefix)),
                    "no ignored line starts with \"" + prefix + "\": " + verdict.grade().ignored()));
        }
        verdict.bystander().ifPresent(bystander -> checks.add(() -> assertTrue(verdict.bystanderUnaffected(),
                "task " + bystander.id() + ", graded in the same run, was affected: " + bystander.status() + " "
                        + bystander.score() + " / " + bystander.maxScore() + "\n" + Verdict.feedback(bystander))));
        checks.add(() -> assertTrue(verdict.elapsed().compareTo(hostile.cap()) <= 0,
                "took " + verdict.elapsed() + ", more than the limits allow (" + hostile.cap() + ")"));
        if (hostile.status() != TaskStatus.TIMEOUT) {
            checks.add(() -> assertTrue(verdict.elapsed().compareTo(hostile.limits().wallClock()) < 0,
                    "a verdict other than a timeout waited for a wall clock: took " + verdict.elapsed()));
        }
        assertAll(hostile.name(), checks);
    }

    /** The score {@code marks} allows {@code task}: the points its rule tests earned count only where so declared. */
    private static int expectedScore(HostileCase.Marks marks, TaskResult task) {
        return switch (marks) {
            case ZERO -> 0;
            case FULL -> task.maxScore();
            case NOTHING_FROM_RUNNING -> task.tests().stream().filter(test -> isRuleTest(task, test))
                    .mapToInt(TestResult::score).sum();
        };
    }

    private static boolean isRuleTest(TaskResult task, TestResult test) {
        return HostileGrading.HIDDEN.testsOf(task.id()).stream()
                .filter(declared -> declared.id().equals(test.id())).findFirst()
                .map(declared -> declared.className().startsWith(HostileCase.RULE_TESTS)).orElse(false);
    }

    @Test
    void everyFolderOfTheCorpusIsACaseAndEveryCaseAFolder() throws IOException {
        Set<String> folders;
        try (Stream<Path> entries = Files.list(HostileCorpus.FOLDER)) {
            folders = entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> cases = HostileCorpus.CASES.stream().map(HostileCase::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(folders, cases);
        assertEquals(HostileCorpus.CASES.size(), cases.size(), "two cases share a name");
    }

    @Test
    void nothingASubmissionPrintsChangesItsGrade() {
        Verdict forged = HostileGrading.verdict(HostileCorpus.named("forged-result-lines"));
        Verdict quiet = HostileGrading.verdict(HostileCorpus.named("fails-quietly"));
        Function<Verdict, List<String>> outcomes = verdict -> verdict.attacked().tests().stream()
                .map(test -> test.id() + " " + test.status() + " " + test.score()).sorted().toList();

        assertEquals(0, forged.grade().score(), () -> Verdict.feedback(forged.attacked()));
        assertEquals(outcomes.apply(quiet), outcomes.apply(forged));
        assertTrue(forged.attacked().tests().stream().map(TestResult::status)
                .noneMatch(status -> status == TestStatus.PASSED));
    }

    @Test
    void floodedOutputIsKeptWithinItsBoundAndEndsWithANote(@TempDir Path work) throws Exception {
        for (String flood : List.of("stdout-flood", "stderr-flood")) {
            HostileCase hostile = HostileCorpus.named(flood);
            CompiledTask compiled = new SubmissionCompiler().compile(new SubmissionCollector()
                            .collect(HostileCorpus.FOLDER.resolve(flood))
                            .over(new SubmissionCollector().collect(HostileCorpus.REFERENCE)),
                    Task.LAUNCH, work.resolve(flood));
            List<GradedTest> tests = HostileGrading.HIDDEN.testsOf(Task.LAUNCH.id()).stream()
                    .filter(test -> test.key().contains("RunAllHiddenTest")).limit(2).toList();

            RunRecord run = new TaskRun(hostile.limits()).run(tests, HostileGrading.HIDDEN.location(),
                    compiled.classes(), work.resolve("scratch-" + flood));

            int bound = hostile.limits().outputBytes();
            assertAll(flood,
                    () -> assertEquals(RunRecord.Ending.COMPLETED, run.ending(), run.diagnosis()),
                    () -> assertEquals(tests.size(), run.outcomes().size()),
                    () -> assertTrue(run.output().length() < bound + 200,
                            "kept " + run.output().length() + " characters of output, the bound is " + bound),
                    () -> assertTrue(run.output().contains("[output truncated: "), "no note of the truncation"));
        }
    }

    @AfterAll
    static void printTheTableOfVerdicts() throws IOException {
        String table = VerdictTable.render(HostileGrading.reached());
        System.out.println("\nHostile submissions: verdicts\n\n" + table);
        Path target = HostileCorpus.repository().resolve("grader/engine/target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("hostile-verdicts.md"), table);
        }
    }
}
