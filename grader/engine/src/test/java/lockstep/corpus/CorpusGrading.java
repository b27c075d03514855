package lockstep.corpus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lockstep.collect.Task;
import lockstep.grade.Grader;
import lockstep.model.GradeResult;
import lockstep.run.RunLimits;
import lockstep.suite.Suite;
import lockstep.suite.SuiteLocator;

/**
 * Grades corpus entries with the real {@link Grader} and the hidden suite, exactly as a student's submission is
 * graded, but only on the tasks the entry changes (over the reference). Entries are meant to be graded one at a
 * time: stress verdicts want the cores to themselves.
 */
final class CorpusGrading {

    static final Suite HIDDEN = SuiteLocator.find("hidden");

    /**
     * One grade of an entry.
     *
     * @param entry   the entry
     * @param grade   the grade, as the grader returned it
     * @param elapsed wall time of the whole grade (compiling, checking, every task's test JVM)
     */
    record Graded(CorpusEntry entry, GradeResult grade, Duration elapsed) {

        /** How the grade differs from what the entry declares; empty where it was graded as expected. */
        List<String> mismatches() {
            return Expectation.mismatches(entry, grade);
        }
    }

    private CorpusGrading() {
    }

    /** Grades {@code entry} on its own tasks, over the reference. */
    static Graded grade(CorpusEntry entry) {
        long start = System.nanoTime();
        GradeResult grade = grade(entry.folder(), Optional.of(Corpus.REFERENCE), entry.tasks());
        return new Graded(entry, grade, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Grades {@code submission} on {@code tasks} (every task where empty), over {@code base} where present. */
    static GradeResult grade(Path submission, Optional<Path> base, Set<Task> tasks) {
        Grader grader = new Grader(HIDDEN, RunLimits.defaults(), tasks, new PrintWriter(Writer.nullWriter()));
        try {
            return grader.grade(submission, base);
        } catch (IOException e) {
            throw new UncheckedIOException("grading " + submission + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading " + submission, e);
        }
    }
}
