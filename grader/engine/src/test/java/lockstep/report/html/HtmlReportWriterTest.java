package lockstep.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-contained, phone-readable feedback page on which nothing a student's program printed can run. */
class HtmlReportWriterTest {

    @Test
    void aScriptInAMessageRendersInert() {
        String html = HtmlReportWriter.render(SampleGrades.alice());
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), html);
        assertTrue(html.contains("<pre>did not finish within 30 s: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                + "]]&gt; &amp; 100% \uFFFD[31mred\uFFFD[0m, &quot;quoted&quot;</pre>"), html);
        assertTrue(html.contains("demo logs the walkthrough &lt;in order&gt; &amp; on time"), html);
    }

    @Test
    void thePageIsSelfContainedAndReadableOnAPhone() {
        String html = HtmlReportWriter.render(SampleGrades.alice());
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("<style>") && html.contains("@media (max-width"), html);
        for (String external : new String[] {"http://", "https://", "src=", "<link", "@import", "url("}) {
            assertFalse(html.contains(external), "no external resource: " + external);
        }
        assertTrue(html.endsWith("</main>\n</body>\n</html>\n"));
    }

    @Test
    void theHeadlineIsTheScoreAndEachTaskHasABar() {
        String html = HtmlReportWriter.render(SampleGrades.alice());
        assertTrue(html.contains("<p class=\"score\"><strong>16</strong> / 40 points</p>"), html);
        assertTrue(html.contains("<span class=\"bar-label\">launch</span><span class=\"bar\" role=\"img\" "
                + "aria-label=\"4 of 15 points\"><span class=\"fill\" style=\"width:26.7%\"></span>"), html);
        assertTrue(html.contains("aria-label=\"0 of 10 points\"><span class=\"fill\" style=\"width:0.0%\">"), html);
        assertTrue(html.contains("<span class=\"badge bad\">compile error</span>"), html);
        assertEquals(3, count(html, "<a class=\"bar-row\""));
    }

    @Test
    void everyTestShowsItsStatusAndItsMessageInFull() {
        String html = HtmlReportWriter.render(SampleGrades.alice());
        assertEquals(9, count(html, "<li class=\"test\">"));
        assertTrue(html.contains("<span class=\"badge bad\">failed</span> <span class=\"test-name\">runAll starts "
                + "every thread before it joins any</span> <span class=\"points\">0 / 6</span>"), html);
        assertTrue(html.contains("<span class=\"badge warn\">inconclusive</span>"), html);
        assertTrue(html.contains("<span class=\"badge off\">not run</span>"), html);
        assertTrue(html.contains("arrived within 5 s\nHint: start all threads first, then join them"), html);
        assertTrue(html.contains("<p class=\"alert\">Your code for this task does not compile"), html);
        assertTrue(html.contains("  symbol:   variable count\n  location: class RaceDemo"), html);
        assertTrue(html.contains("<li>notes.txt: not a .java file</li>"), html);
        assertTrue(html.contains("<pre class=\"code\">exercises/race/RaceDemo.java:12: error: &#39;;&#39; expected\n"),
                "compiler output keeps its columns:\n" + html);
        assertEquals(count(html, "<pre"), count(html, "</pre>"));
    }

    @Test
    void aStressTestShowsItsEvidenceALineACheck() {
        String html = HtmlReportWriter.render(SampleGrades.alice());
        assertTrue(html.contains("<span class=\"points\">5 / 5</span></div>\n<p class=\"evidence\">evidence: JDK "
                + "17.0.15+6, 2 cores, budget 200 runs or 200 ms per thread count<br>lost updates: runs 1:200 8:95, "
                + "wrong 0<br>canary (lost updates): runs 8:1, wrong 8:1</p>\n"), html);
        assertEquals(1, count(html, "<p class=\"evidence\">"));
    }

    @Test
    void escapesEveryCharacterThatCouldOpenMarkup() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;\uFFFD\n\t",
                HtmlText.escape("<a href=\"x\" onclick='y'>&amp;\u0000\n\t"));
    }

    @Test
    void writesReportHtmlIntoTheFolder(@TempDir Path dir) throws Exception {
        HtmlReportWriter.write(SampleGrades.bob(), dir);
        assertEquals(HtmlReportWriter.render(SampleGrades.bob()), Files.readString(dir.resolve("report.html")));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
