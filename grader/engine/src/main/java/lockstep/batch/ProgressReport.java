package lockstep.batch;

import java.io.PrintWriter;
import java.util.Locale;
import lockstep.model.GradeResult;

/**
 * The batch's progress: on a terminal a bar (done/total, current student, time left) redrawn in place; elsewhere
 * one plain line per submission. Thread-safe.
 */
final class ProgressReport implements BatchGrading.Progress {

    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int submissions;
    private int total;
    private int done;
    private int graded;

    ProgressReport(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void start(int total) {
        this.total = total;
        this.submissions = total;
        if (!terminal) {
            out.println("grading " + total + " submissions");
        }
        out.flush();
    }

    @Override
    public synchronized void begin(String student) {
        if (terminal) {
            draw(student);
        }
    }

    @Override
    public synchronized void done(String student, GradeResult result, boolean resumed) {
        done++;
        if (!resumed) {
            graded++;
        }
        String line = String.format(Locale.ROOT, "[%d/%d] %s: %d / %d%s", done, total, student, result.score(),
                result.maxScore(), resumed ? " (already graded)" : "");
        report(line, student);
    }

    @Override
    public synchronized void failed(String student, Exception problem) {
        done++;
        report(String.format(Locale.ROOT, "[%d/%d] %s: not graded: %s", done, total, student, problem.getMessage()),
                student);
    }

    @Override
    public synchronized void again(int count, int jobs) {
        total = count;
        done = 0;
        report(String.format(Locale.ROOT, "grading %d again, one at a time: a stress test of %s was inconclusive with %d"
                + " graded at once", count, count == 1 ? "it" : "each", jobs), "");
    }

    @Override
    public synchronized void finish() {
        if (terminal) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.printf(Locale.ROOT, "done: %d submissions (%d graded now) in %d s%n", submissions, graded,
                elapsedSeconds());
        out.flush();
    }

    private void report(String line, String student) {
        if (terminal) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.println(line);
            draw(student);
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void draw(String current) {
        int filled = total == 0 ? BAR : done * BAR / total;
        long left = graded == 0 ? -1 : elapsedSeconds() * (total - done) / Math.max(1, graded);
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d %s%s", "#".repeat(filled), ".".repeat(BAR - filled), done, total,
                current, left < 0 ? "" : ", about " + left + " s left");
        out.flush();
    }

    private long elapsedSeconds() {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }
}
