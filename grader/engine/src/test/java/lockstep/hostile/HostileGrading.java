package lockstep.hostile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lockstep.grade.Grader;
import lockstep.model.GradeResult;
import lockstep.suite.Suite;
import lockstep.suite.SuiteLocator;

/**
 * Grades hostile cases with the real {@link Grader} and the hidden suite, exactly as a student's submission is graded:
 * only the case's tasks (and its bystander), over the reference where the case says so. Each case is graded once per
 * JVM and remembered, so several tests can judge one verdict. Safe to call from several threads, though the cases are
 * meant to be graded one at a time: a hostile run must not steal the cores another case's timing depends on.
 */
final class HostileGrading {

    static final Suite HIDDEN = SuiteLocator.find("hidden");

    private static final Map<String, Verdict> VERDICTS = new ConcurrentHashMap<>();

    private HostileGrading() {
    }

    /** The verdict on {@code hostile}, graded now or remembered from an earlier call. */
    static Verdict verdict(HostileCase hostile) {
        return VERDICTS.computeIfAbsent(hostile.name(), name -> grade(hostile, HostileCorpus.FOLDER.resolve(name)));
    }

    /** Every verdict reached so far in this JVM, in the corpus's order. */
    static List<Verdict> reached() {
        return HostileCorpus.CASES.stream().map(c -> VERDICTS.get(c.name())).filter(Objects::nonNull).toList();
    }

    /** Grades the submission in {@code folder} as {@code hostile} says, timing it. */
    static Verdict grade(HostileCase hostile, Path folder) {
        Grader grader = new Grader(HIDDEN, hostile.runLimits(), hostile.graded(), new PrintWriter(Writer.nullWriter()));
        long start = System.nanoTime();
        try {
            GradeResult grade = grader.grade(folder,
                    hostile.overReference() ? Optional.of(HostileCorpus.REFERENCE) : Optional.empty());
            return new Verdict(hostile, grade, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("grading " + hostile + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading " + hostile, e);
        }
    }
}
