package lockstep.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lockstep.report.fixture.Golden;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class's gradebook: the CSV against RFC 4180 and its column list, the Markdown table, the overview page. */
class GradebookTest {

    static List<GradebookEntry> entries() {
        return List.of(
                GradebookEntry.graded("alice", SampleGrades.alice()),
                GradebookEntry.graded("bob", SampleGrades.bob()),
                GradebookEntry.graded("carol", SampleGrades.carol()),
                GradebookEntry.graded("dana", SampleGrades.dana()),
                GradebookEntry.ungraded("Müller, Jan", "the archive \"jan.zip\" could not be unpacked"));
    }

    @Test
    void theCsvMatchesTheGoldenFile() {
        Golden.assertMatches("gradebook/gradebook.csv", CsvGradebookWriter.render(entries()));
    }

    @Test
    void theCsvHasAHeaderAndARowPerStudentWithCrlfLineEnds() {
        String csv = CsvGradebookWriter.render(entries());
        assertTrue(csv.startsWith("student,launch,race,locks,total,max,status,problem,report\r\n"), csv);
        assertEquals(6, csv.split("\r\n", -1).length - 1, csv);
        assertFalse(csv.replace("\r\n", "").contains("\n"), "no bare line feeds:\n" + csv);
        assertTrue(csv.contains("\r\nalice,4,0,12,16,40,race=compile_error,,alice/report.html\r\n"), csv);
        assertTrue(csv.contains("\r\n\"Müller, Jan\",,,,,,not_graded,"
                + "\"the archive \"\"jan.zip\"\" could not be unpacked\",\r\n"), csv);
    }

    @Test
    void fieldsAreQuotedOnlyWhereRfc4180AsksAndFormulasAreDefused() {
        assertEquals("plain", CsvGradebookWriter.field("plain"));
        assertEquals("\"a,b\"", CsvGradebookWriter.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvGradebookWriter.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvGradebookWriter.field("two\nlines"));
        assertEquals("\"cr\r\"", CsvGradebookWriter.field("cr\r"));
        assertEquals("'=HYPERLINK(\"x\")", CsvGradebookWriter.text("=HYPERLINK(\"x\")"));
        assertEquals("'@sum", CsvGradebookWriter.text("@sum"));
        assertEquals("race=compile_error", CsvGradebookWriter.text("race=compile_error"));
        String csv = CsvGradebookWriter.render(List.of(GradebookEntry.ungraded("=1+1", "x")));
        assertEquals("student,total,max,status,problem,report\r\n'=1+1,,,not_graded,x,\r\n", csv);
    }

    @Test
    void theMarkdownHasATableRowPerStudentLinkedToTheirReport() {
        String md = MarkdownGradebookWriter.render(entries());
        assertTrue(md.contains("5 students: 4 graded, 1 not graded."), md);
        assertTrue(md.contains("| student | launch | race | locks | total | status |\n|---|---:|---:|---:|---:|---|\n"),
                md);
        assertTrue(md.contains("| [alice](alice/report.html) | 4 / 15 | 0 / 10 | 12 / 15 | 16 / 40 | "
                + "race=compile\\_error |\n"), md);
        assertTrue(md.contains(
                "| Müller, Jan |  |  |  |  | not graded: the archive \"jan.zip\" could not be unpacked |"),
                md);
    }

    @Test
    void theIndexDrawsTheScoreDistribution() {
        String html = IndexPageWriter.render(entries());
        assertTrue(html.contains("<desc id=\"histogram-desc\">Students per band of the maximum score. 0–9%: 1; "
                + "10–19%: 0; 20–29%: 0; 30–39%: 1; 40–49%: 1; 50–59%: 0; 60–69%: 0; 70–79%: 0; "
                + "80–89%: 0; "
                + "90–100%: 1.</desc>"), html);
        assertEquals(10, count(html, "<rect class=\"svg-ok\""));
    }

    @Test
    void theIndexDrawsEachTestsFailureRateAcrossTheClass() {
        String html = IndexPageWriter.render(entries());
        assertEquals(9, count(html, "<rect class=\"svg-track\""));
        assertTrue(html.contains(">launch: runAll starts every thread before it joins any</text>"), html);
        assertTrue(html.contains("<title>1 of 4 failed</title>"), html);
        assertTrue(html.contains(">25% failed, 50% not run</text>"), "alice failed it, bob and carol did not run it:\n"
                + html);
        assertTrue(html.contains(">locks: AtomicCounter: get sees every increment</text>"), html);
    }

    @Test
    void theIndexLinksEachGradedStudentsFeedbackPage() {
        String html = IndexPageWriter.render(entries());
        assertTrue(html.contains("<tr><td><a href=\"alice/report.html\">alice</a></td><td class=\"num\">4 / 15</td>"),
                html);
        assertTrue(html.contains("<tr><td>Müller, Jan</td>"), html);
        assertTrue(html.contains("not graded: the archive &quot;jan.zip&quot; could not be unpacked"), html);
        assertTrue(html.contains("<meta name=\"viewport\""), html);
        for (String external : new String[] {"http://", "https://", "src=", "<link", "<script", "url("}) {
            assertFalse(html.contains(external), "no external resource or script: " + external);
        }
    }

    @Test
    void namesAreEscapedAndLinksEncoded() {
        GradebookEntry entry = GradebookEntry.graded("<img src=x onerror=alert(1)>", SampleGrades.dana());
        assertEquals("%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E/report.html", entry.reportLink());
        String html = IndexPageWriter.render(List.of(entry));
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains(">&lt;img src=x onerror=alert(1)&gt;</a>"), html);
        assertEquals("M%C3%BCller%2C%20Jan", GradebookEntry.pathSegment("Müller, Jan"));
    }

    @Test
    void anEntryWithoutAGradeMustSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> new GradebookEntry("x", Optional.empty(), " ", ""));
        assertThrows(IllegalArgumentException.class, () -> GradebookEntry.ungraded(" ", "why"));
    }

    @Test
    void anEmptyClassStillRenders() {
        assertEquals("student,total,max,status,problem,report\r\n", CsvGradebookWriter.render(List.of()));
        assertTrue(IndexPageWriter.render(List.of()).contains("0 students: 0 graded, 0 not graded"));
        assertTrue(MarkdownGradebookWriter.render(List.of()).contains("| student | total | status |"));
    }

    @Test
    void writesTheThreeFiles(@TempDir Path dir) throws Exception {
        GradebookWriter.write(entries(), dir);
        assertEquals(CsvGradebookWriter.render(entries()), Files.readString(dir.resolve("gradebook.csv")));
        assertEquals(MarkdownGradebookWriter.render(entries()), Files.readString(dir.resolve("gradebook.md")));
        assertEquals(IndexPageWriter.render(entries()), Files.readString(dir.resolve("index.html")));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
