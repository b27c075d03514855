package lockstep.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import lockstep.JdkNeutral;
import lockstep.gradebook.GradebookEntry;
import lockstep.gradebook.GradebookWriter;
import lockstep.model.GradeResult;
import lockstep.report.fixture.SampleGrades;
import lockstep.report.html.HtmlReportWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages as a browser shows them: a student's feedback page and the class's gradebook, written by their
 * writers into a folder, loaded from disk by headless Chromium. The DOM after rendering holds the grades and the
 * charts, no console message appears, and screenshots at desktop and phone width are kept in
 * {@code target/screenshots/} for a person to look at. Runs in the {@code browser} Maven profile, which is active
 * where {@code /usr/bin/chromium} exists.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@JdkNeutral
class HtmlPagesInBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The page style's colours for a test that passed and one that failed (light scheme). */
    private static final int OK = 0x1a7f37;
    private static final int BAD = 0xcf222e;

    @TempDir
    static Path site;
    @TempDir
    static Path work;

    private static HeadlessChromium chromium;

    static List<GradebookEntry> entries() {
        return List.of(
                GradebookEntry.graded("alice", SampleGrades.alice()),
                GradebookEntry.graded("bob", SampleGrades.bob()),
                GradebookEntry.graded("carol", SampleGrades.carol()),
                GradebookEntry.graded("dana", SampleGrades.dana()),
                GradebookEntry.ungraded("Müller, Jan", "the archive \"jan.zip\" could not be unpacked"));
    }

    /** The folder a batch writes: the gradebook, and each graded student's feedback page beside it. */
    @BeforeAll
    static void writePages() throws IOException {
        for (GradebookEntry entry : entries()) {
            if (entry.result().isPresent()) {
                HtmlReportWriter.write(entry.result().get(), site.resolve(entry.student()));
            }
        }
        GradebookWriter.write(entries(), site);
        chromium = new HeadlessChromium(work);
    }

    @Test
    void theFeedbackPageShowsTheScoreEveryTaskAndTheMessagesAsText() throws Exception {
        HeadlessChromium.Run page = chromium.dumpDom(site.resolve("alice/report.html"));
        String dom = page.stdout();
        GradeResult alice = SampleGrades.alice();
        assertAll(
                () -> assertTrue(dom.contains("<title>Lockstep feedback: alice</title>"), dom),
                () -> assertTrue(dom.contains("<p class=\"score\"><strong>16</strong> / 40 points</p>"), dom),
                () -> assertEquals(3, count(dom, "<section class=\"task\" id=\"task-")),
                () -> assertTrue(dom.contains("Task race <span class=\"points\">0 / 10</span>"), dom),
                () -> assertTrue(dom.contains("RaceDemo.java:12: error: ';' expected"), dom),
                () -> assertEquals(alice.tasks().stream().mapToInt(task -> task.tests().size()).sum(),
                        count(dom, "<li class=\"test\">")),
                () -> assertTrue(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
                        "the student's markup is shown as text: " + dom),
                () -> assertFalse(dom.contains("<script"), "and never becomes an element"));
        assertEquals(List.of(), page.consoleMessages());
    }

    @Test
    void theGradebookShowsEveryStudentTheirScoresAndBothCharts() throws Exception {
        HeadlessChromium.Run page = chromium.dumpDom(site.resolve("index.html"));
        String dom = page.stdout();
        assertAll(
                () -> assertTrue(dom.contains("5 students: 4 graded, 1 not graded"), dom),
                () -> assertTrue(dom.contains("<a href=\"alice/report.html\">alice</a></td><td class=\"num\">4 / 15"
                        + "</td><td class=\"num\">0 / 10</td><td class=\"num\">12 / 15</td>"
                        + "<td class=\"num\">16 / 40</td>"), dom),
                () -> assertTrue(dom.contains("<a href=\"bob/report.html\">bob</a>"), dom),
                () -> assertTrue(dom.contains("<a href=\"carol/report.html\">carol</a>"), dom),
                () -> assertTrue(dom.contains("<td class=\"num\">40 / 40</td><td>graded</td>"), dom),
                () -> assertTrue(dom.contains("<tr><td>Müller, Jan</td>"), dom),
                () -> assertTrue(dom.contains("not graded: the archive \"jan.zip\" could not be unpacked"), dom),
                () -> assertEquals(2, count(dom, "<svg ")),
                () -> assertTrue(dom.contains("<title id=\"histogram-title\">Distribution of total scores</title>"),
                        dom),
                () -> assertTrue(dom.contains("<title id=\"failure-rates-title\">Where the class lost points</title>"),
                        dom),
                () -> assertEquals(10, count(dom, "<rect class=\"svg-ok\"")),
                () -> assertTrue(dom.contains("race: run counts exactly with one thread</text>"), dom));
        assertEquals(List.of(), page.consoleMessages());
    }

    @Test
    void theGradebooksLinksLeadToFeedbackPagesThatRender() throws Exception {
        String dom = chromium.dumpDom(site.resolve("index.html")).stdout();
        Matcher links = Pattern.compile("<a href=\"([^\"]+)\">").matcher(dom);
        int followed = 0;
        while (links.find()) {
            HeadlessChromium.Run page = chromium.dumpDom(site.resolve(links.group(1)));
            assertTrue(page.stdout().contains("Lockstep feedback: "), links.group(1));
            assertEquals(List.of(), page.consoleMessages(), links.group(1));
            followed++;
        }
        assertEquals(4, followed, "one link per graded student");
    }

    @Test
    void screenshotsAtDesktopAndPhoneWidthShowThePages() throws Exception {
        for (Shot shot : List.of(
                new Shot("gradebook-desktop", "index.html", 1280, 2000),
                new Shot("gradebook-phone", "index.html", 390, 1400),
                new Shot("feedback-desktop", "alice/report.html", 1280, 2000),
                new Shot("feedback-phone", "alice/report.html", 390, 1400))) {
            Path png = SCREENSHOTS.resolve(shot.name() + ".png");
            HeadlessChromium.Run run = chromium.screenshot(site.resolve(shot.page()), png, shot.width(),
                    shot.height());
            assertEquals(List.of(), run.consoleMessages(), shot.name());
            assertTrue(Files.size(png) > 10 * 1024, shot.name() + " is only " + Files.size(png) + " bytes");
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(shot.width(), image.getWidth(), shot.name());
            assertEquals(shot.height(), image.getHeight(), shot.name());
            Set<Integer> colours = colours(image);
            assertTrue(colours.size() > 50, shot.name() + " has only " + colours.size() + " colours: blank?");
            assertTrue(colours.contains(OK) && colours.contains(BAD),
                    shot.name() + " shows the passed and failed colours (bars, badges, the charts)");
        }
    }

    @Test
    void theConsoleCheckCatchesAPageThatThrows() throws Exception {
        Path broken = work.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><p>hello</p>"
                + "<script>console.error('lost'); notAFunction();</script></body></html>");
        HeadlessChromium.Run page = chromium.dumpDom(broken);
        assertTrue(page.stdout().contains("<p>hello</p>"), page.stdout());
        List<String> messages = page.consoleMessages();
        assertTrue(messages.stream().anyMatch(line -> line.contains("\"lost\"")), page.log());
        assertTrue(messages.stream().anyMatch(line -> line.contains("Uncaught ReferenceError")), page.log());
    }

    private record Shot(String name, String page, int width, int height) {
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
