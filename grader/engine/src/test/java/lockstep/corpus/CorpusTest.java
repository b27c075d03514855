package lockstep.corpus;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lockstep.collect.Task;
import lockstep.suite.GradedTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades every entry of the bug corpus ({@code grader/corpus/}) with the real grader and the hidden suite, on
 * the tasks the entry changes, and holds it to its {@code expect.properties}: the tests that must fail fail with the
 * key words in their feedback, every other test passes, and a correct entry gets full marks. Prints each entry's
 * grading time and the total at the end.
 *
 * <p>Tagged {@code corpus} and left out of the default build: it grades 60 submissions (10 to 17 minutes on 2 cores),
 * and some verdicts of the stress tests depend on the machine's load. Run it with {@code -Pcorpus} on a quiet machine
 * with JDK 17 to 24 (its expected verdicts include model-checked tests).
 */
@Tag("corpus")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CorpusTest {

    private static final List<CorpusEntry> ENTRIES = Corpus.entries();
    private static final ConcurrentLinkedQueue<CorpusGrading.Graded> GRADED = new ConcurrentLinkedQueue<>();

    static Stream<CorpusEntry> entries() {
        return ENTRIES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void eachEntryIsGradedAsItsExpectationsSay(CorpusEntry entry) {
        CorpusGrading.Graded graded = CorpusGrading.grade(entry);
        GRADED.add(graded);
        List<String> mismatches = graded.mismatches();
        assertTrue(mismatches.isEmpty(), entry.name() + " (" + entry.pattern() + ") was not graded as expected:\n  "
                + String.join("\n  ", mismatches));
    }

    @Test
    void theCorpusHoldsAtLeast30BuggyAnd10CorrectEntries() {
        long buggy = count(CorpusEntry.Kind.BUGGY);
        long correct = count(CorpusEntry.Kind.CORRECT);
        assertAll(
                () -> assertTrue(buggy >= 30, buggy + " buggy entries that the hidden suite catches"),
                () -> assertTrue(correct >= 10, correct + " correct entries that get full marks"));
    }

    @Test
    void everyTestAnEntryNamesExistsInTheTasksItGrades() {
        List<Executable> checks = new ArrayList<>();
        for (CorpusEntry entry : ENTRIES) {
            Set<String> ids = entry.tasks().stream().flatMap(task -> CorpusGrading.HIDDEN.testsOf(task.id()).stream())
                    .map(GradedTest::id).collect(Collectors.toSet());
            for (String named : concat(entry.mustFail().keySet(), entry.mayFail())) {
                checks.add(() -> assertTrue(ids.contains(named), entry + " names " + named
                        + ", which is no hidden test of " + entry.tasks()));
            }
        }
        assertFalse(checks.isEmpty());
        assertAll(checks);
    }

    @Test
    void eachEntryHoldsOnlyChangedFilesOfTheTasksItDeclares() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (CorpusEntry entry : ENTRIES) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(entry.folder())) {
                sources = files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java")).toList();
            }
            Set<Task> touched = sources.stream().map(p -> entry.folder().relativize(p))
                    .map(p -> Task.byId(p.getName(1).toString()).orElseThrow()).collect(Collectors.toSet());
            checks.add(() -> assertEquals(entry.tasks(), touched, entry + ": its tasks are the folders it changes"));
            for (Path source : sources) {
                Path reference = Corpus.REFERENCE.resolve("src/main/java").resolve(entry.folder().relativize(source));
                checks.add(() -> assertTrue(Files.isRegularFile(reference), entry + ": " + source.getFileName()
                        + " replaces no file of the reference"));
                checks.add(() -> assertFalse(Files.isRegularFile(reference)
                        && Files.mismatch(source, reference) == -1, entry + ": " + source.getFileName()
                        + " is the reference's own, unchanged"));
            }
        }
        assertAll(checks);
    }

    /** The entries of {@code kind} that the hidden suite judges right. */
    private static long count(CorpusEntry.Kind kind) {
        return ENTRIES.stream().filter(e -> e.kind() == kind && e.judgedRight()).count();
    }

    private static List<String> concat(Set<String> first, Set<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @AfterAll
    static void printTheGradingTimes() {
        Duration total = Duration.ZERO;
        StringBuilder out = new StringBuilder("\nCorpus: grading time per entry\n\n");
        for (CorpusGrading.Graded graded : GRADED) {
            out.append(String.format(Locale.ROOT, "  %-40s %-6s %5.1f s%n", graded.entry().name(),
                    graded.entry().tasks().stream().map(Task::id).sorted().collect(Collectors.joining(",")),
                    graded.elapsed().toMillis() / 1000.0));
            total = total.plus(graded.elapsed());
        }
        out.append(String.format(Locale.ROOT, "%n  %d entries graded in %.1f s%n", GRADED.size(),
                total.toMillis() / 1000.0));
        System.out.println(out);
    }
}
