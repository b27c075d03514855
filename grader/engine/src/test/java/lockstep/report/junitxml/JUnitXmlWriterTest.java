package lockstep.report.junitxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.fixture.Golden;
import lockstep.report.fixture.SampleGrades;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Against Surefire's JUnit XML: the schema, the counts, the outcome of each status, and escaping. */
class JUnitXmlWriterTest {

    @Test
    void rendersTheGoldenFile() {
        Golden.assertMatches("junitxml/alice-TEST-lockstep.xml", JUnitXmlWriter.render(SampleGrades.alice()));
    }

    @Test
    void everySampleIsValidAgainstTheSurefireSchema() throws Exception {
        URL xsd = getClass().getResource("/formats/junitxml/surefire-testsuites.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var validator = factory.newSchema(xsd).newValidator();
        for (GradeResult grade : List.of(SampleGrades.alice(), SampleGrades.bob(), SampleGrades.carol(),
                SampleGrades.dana())) {
            validator.validate(new StreamSource(new StringReader(JUnitXmlWriter.render(grade))));
        }
    }

    @Test
    void thereIsOneSuitePerTaskWithItsCounts() throws Exception {
        Element root = parse(SampleGrades.alice()).getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(List.of("9", "1", "4", "1", "12.345"), attributes(root, "tests", "failures", "errors",
                "skipped", "time"));
        List<Element> suites = children(root, "testsuite");
        assertEquals(List.of("lockstep.launch", "lockstep.race", "lockstep.locks"),
                suites.stream().map(suite -> suite.getAttribute("name")).toList());
        assertEquals(List.of("4", "1", "2", "0"), attributes(suites.get(0), "tests", "failures", "errors", "skipped"));
        assertEquals(List.of("2", "0", "2", "0"), attributes(suites.get(1), "tests", "failures", "errors", "skipped"));
        assertEquals(List.of("3", "0", "0", "1"), attributes(suites.get(2), "tests", "failures", "errors", "skipped"));
        for (Element suite : suites) {
            assertEquals(suite.getAttribute("tests"), String.valueOf(children(suite, "testcase").size()));
        }
    }

    @Test
    void eachStatusHasItsSurefireOutcome() throws Exception {
        List<Element> cases = cases(parse(SampleGrades.alice()));
        assertEquals(List.of("", "failure:failed", "error:error", "error:timeout", "error:compile_error",
                "error:compile_error", "", "skipped:", ""), cases.stream().map(JUnitXmlWriterTest::outcome).toList());
        List<Element> crashed = cases(parse(SampleGrades.bob())).subList(6, 9);
        assertEquals(List.of("", "error:error", "error:crashed"),
                crashed.stream().map(JUnitXmlWriterTest::outcome).toList());
    }

    @Test
    void aTestThatReportedNothingInAGradedTaskIsSkipped() throws Exception {
        GradeResult grade = GradeResult.of("x", "hidden", 5, List.of(TaskResult.of("race", TaskStatus.GRADED, "",
                List.of(TestResult.of("RaceDemoTest.gate", "gate", 2, TestStatus.NOT_RUN,
                        "not run: the test reported no result")))), List.of(), Map.of());
        assertEquals(List.of("skipped:"), cases(parse(grade)).stream().map(JUnitXmlWriterTest::outcome).toList());
    }

    @Test
    void testCasesNameTheTaskAndTestClassAndTheLineAStudentReads() throws Exception {
        Element first = cases(parse(SampleGrades.alice())).get(0);
        assertEquals("lockstep.launch.LauncherTest", first.getAttribute("classname"));
        assertEquals("runAll runs each task once, on its own thread", first.getAttribute("name"));
        assertEquals("0.041", first.getAttribute("time"), "the test's own duration, in seconds");
    }

    @Test
    void aSuiteTakesTheTimeOfItsTestsAndATestWithoutADurationCountsZero() throws Exception {
        Element root = parse(SampleGrades.alice()).getDocumentElement();
        List<Element> suites = children(root, "testsuite");
        assertEquals(List.of("5.060", "0.000", "3.753"),
                suites.stream().map(suite -> suite.getAttribute("time")).toList(),
                "launch: 41 + 5012 + 7 ms and a timed-out test without a duration; race did not compile");
        assertEquals("0.000", cases(parse(SampleGrades.alice())).get(3).getAttribute("time"));
    }

    @Test
    void messagesAreEscapedAndKeptInFull() throws Exception {
        List<Element> cases = cases(parse(SampleGrades.alice()));
        Element timeout = first(cases.get(3), "error");
        String expected = SampleGrades.HOSTILE.replace("\u001b", "\\u001B");
        assertEquals(expected, timeout.getAttribute("message"));
        assertEquals(expected, timeout.getTextContent());
        assertEquals("demo logs the walkthrough <in order> & on time", cases.get(3).getAttribute("name"));
        Element failure = first(cases.get(1), "failure");
        assertEquals("expected both tasks to pass the barrier, but only 1 of 2 arrived within 5 s",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("\nHint: start all threads first"), failure.getTextContent());
    }

    @Test
    void aTestKeptFromRunningCarriesTheTasksMessage() throws Exception {
        Element error = first(cases(parse(SampleGrades.alice())).get(4), "error");
        assertEquals(SampleGrades.RACE_NOT_COMPILED, error.getAttribute("message"));
        assertTrue(error.getTextContent().startsWith(SampleGrades.RACE_NOT_COMPILED + "\n\n"
                + "exercises/race/RaceDemo.java:12: error: ';' expected"), error.getTextContent());
    }

    @Test
    void suitesCarryTheTaskStatusAndScoreAsProperties() throws Exception {
        Element race = children(parse(SampleGrades.alice()).getDocumentElement(), "testsuite").get(1);
        List<String> properties = new ArrayList<>();
        for (Element property : children(first(race, "properties"), "property")) {
            properties.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
        }
        assertEquals(List.of("lockstep.submission=alice", "lockstep.suite=hidden",
                "lockstep.task.status=compile_error", "lockstep.task.score=0", "lockstep.task.max_score=10"),
                properties);
    }

    @Test
    void charactersXmlCannotHoldBecomeVisibleEscapes() {
        assertEquals("a\\u0000b\\u001Bc\tok\n\uD83D\uDE00", JUnitXmlWriter.text("a\u0000b\u001bc\tok\n\uD83D\uDE00"));
        assertEquals("lone \\uD800", JUnitXmlWriter.text("lone \uD800"));
    }

    @Test
    void writesTheReportIntoTheFolder(@TempDir Path dir) throws Exception {
        JUnitXmlWriter.write(SampleGrades.bob(), dir);
        assertEquals(JUnitXmlWriter.render(SampleGrades.bob()), Files.readString(dir.resolve("TEST-lockstep.xml")));
    }

    private static Document parse(GradeResult grade) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(JUnitXmlWriter.render(grade))));
    }

    private static List<Element> cases(Document document) {
        List<Element> cases = new ArrayList<>();
        for (Element suite : children(document.getDocumentElement(), "testsuite")) {
            cases.addAll(children(suite, "testcase"));
        }
        return cases;
    }

    private static String outcome(Element testcase) {
        for (String name : List.of("failure", "error", "skipped")) {
            Element element = first(testcase, name);
            if (element != null) {
                return name + ":" + element.getAttribute("type");
            }
        }
        return "";
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> attributes(Element element, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(element.getAttribute(name));
        }
        return values;
    }
}
