package lockstep.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;

/** The batch's progress: a bar redrawn in place on a terminal, one plain line per submission elsewhere. */
class ProgressReportTest {

    private final StringWriter text = new StringWriter();

    private BatchGrading.Progress progress(boolean terminal) {
        return BatchGrading.Progress.to(new PrintWriter(text), terminal);
    }

    @Test
    void plainModePrintsOneLinePerSubmissionAndNoCarriageReturn() {
        BatchGrading.Progress progress = progress(false);
        progress.start(3);
        progress.begin("alice");
        progress.done("alice", SampleGrades.alice(), true);
        progress.begin("bob");
        progress.done("bob", SampleGrades.bob(), false);
        progress.begin("carol");
        progress.failed("carol", new IOException("the folder could not be read"));
        progress.finish();

        String[] lines = text.toString().split("\n");
        assertEquals("grading 3 submissions", lines[0]);
        assertEquals("[1/3] alice: 16 / 40 (already graded)", lines[1]);
        assertEquals("[2/3] bob: 15 / 40", lines[2]);
        assertEquals("[3/3] carol: not graded: the folder could not be read", lines[3]);
        assertTrue(lines[4].matches("done: 3 submissions \\(1 graded now\\) in \\d+ s"), lines[4]);
        assertEquals(5, lines.length, text.toString());
        assertFalse(text.toString().contains("\r"), "no redrawing where there is no terminal");
        assertFalse(text.toString().contains("s left"), "no bar, so no estimate");
    }

    @Test
    void terminalModeDrawsABarWithDoneTotalCurrentStudentAndTimeLeft() {
        BatchGrading.Progress progress = progress(true);
        progress.start(3);
        progress.begin("alice");
        assertTrue(text.toString().endsWith("\r[" + ".".repeat(30) + "] 0/3 alice"),
                "an empty bar, nothing done, the student being graded, no estimate yet: " + text);

        progress.done("alice", SampleGrades.alice(), false);
        String afterOne = text.toString();
        assertTrue(afterOne.contains("\r[1/3] alice: 16 / 40\n"), "the finished line, printed above the bar");
        assertTrue(Pattern.compile("\r\\[#{10}\\.{20}] 1/3 alice, about \\d+ s left$").matcher(afterOne).find(),
                "a third of the bar, 1/3, and the time left from the one graded so far: " + afterOne);

        progress.begin("bob");
        assertTrue(Pattern.compile("\r\\[#{10}\\.{20}] 1/3 bob, about \\d+ s left$").matcher(text.toString()).find(),
                "the bar names the student now being graded: " + text);

        progress.done("bob", SampleGrades.bob(), true);
        progress.done("carol", SampleGrades.carol(), false);
        assertTrue(text.toString().contains("\r[2/3] bob: 15 / 40 (already graded)\n"), text.toString());
        assertTrue(Pattern.compile("\r\\[#{30}] 3/3 carol").matcher(text.toString()).find(), text.toString());

        progress.finish();
        assertTrue(text.toString().matches("(?s).*\r {100}\rdone: 3 submissions \\(2 graded now\\) in \\d+ s\n"),
                "the bar is wiped before the summary: " + text);
    }

    @Test
    void resumedResultsAloneGiveNoTimeEstimate() {
        BatchGrading.Progress progress = progress(true);
        progress.start(2);
        progress.begin("alice");
        progress.done("alice", SampleGrades.alice(), true);
        assertTrue(text.toString().endsWith("\r[" + "#".repeat(15) + ".".repeat(15) + "] 1/2 alice"),
                "reading a saved result takes no time worth extrapolating from: " + text);
    }

    @Test
    void anEmptyBatchPrintsOnlyTheSummary() {
        BatchGrading.Progress progress = progress(true);
        progress.start(0);
        progress.finish();
        assertTrue(text.toString().matches("\r {100}\rdone: 0 submissions \\(0 graded now\\) in \\d+ s\n"),
                text.toString());
    }
}
