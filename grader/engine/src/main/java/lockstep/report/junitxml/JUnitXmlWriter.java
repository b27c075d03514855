package lockstep.report.junitxml;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.model.TestResult;
import lockstep.model.TestStatus;
import lockstep.report.ReportFiles;

/**
 * The grade as JUnit XML in Maven Surefire's format, for CI servers and test-report viewers: a {@code <testsuites>}
 * holding one {@code <testsuite name="lockstep.<task>">} per task with its counts, and a {@code <testcase>} per test
 * (classname {@code lockstep.<task>.<test class>}, name the line a student reads). What a test found maps to
 * Surefire's outcomes:
 * <ul>
 *   <li>{@code failed}: {@code <failure>};</li>
 *   <li>{@code error} and {@code timeout}: {@code <error>};</li>
 *   <li>{@code not_run} in a task that did not complete ({@code compile_error}, {@code rule_violation},
 *       {@code crashed}, {@code timeout}): {@code <error>} whose type is the task's status and whose text ends with
 *       the task's message (the compiler's output, the rule broken), since the submission, not the suite, kept the
 *       test from running;</li>
 *   <li>{@code not_run} in a graded task, and {@code inconclusive}: {@code <skipped>}.</li>
 * </ul>
 * A test case's {@code time} is the test's own duration (0 where it has none: it did not start, or a result.json
 * from before tests were timed), a suite's the sum of its test cases', and {@code <testsuites>} carries the
 * grading's wall time (compiling, checking and starting the test JVM included). Characters XML 1.0 cannot hold
 * (such as the escape of an ANSI colour) are written as {@code \}{@code uXXXX} text.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class JUnitXmlWriter {

    /** The file name Surefire's report readers look for ({@code TEST-*.xml}). */
    public static final String FILE = "TEST-lockstep.xml";

    /** How Surefire shows one test. */
    private enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    private JUnitXmlWriter() {
    }

    /** The XML document for {@code grade}, UTF-8, indented, ending with a newline. */
    public static String render(GradeResult grade) {
        StringWriter text = new StringWriter();
        try {
            // The JDK's own writer, whatever StAX implementation the class path brings: the output stays the same.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", attribute("lockstep " + grade.submission() + " (" + grade.suite() + " suite)"));
            writeCounts(xml, grade.tasks().stream().flatMap(task -> task.tests().stream()
                    .map(test -> outcome(task, test))).toList());
            xml.writeAttribute("time", seconds(grade.durationMs()));
            for (TaskResult task : grade.tasks()) {
                newline(xml, 1);
                writeSuite(xml, grade, task);
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render JUnit XML", e);
        }
        return text + "\n";
    }

    /** Writes {@link #FILE} into {@code dir}, whole or not at all. */
    public static void write(GradeResult grade, Path dir) throws IOException {
        ReportFiles.writeAtomically(dir.resolve(FILE), render(grade));
    }

    private static void writeSuite(XMLStreamWriter xml, GradeResult grade, TaskResult task)
            throws XMLStreamException {
        String suiteName = "lockstep." + task.id();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", attribute(suiteName));
        writeCounts(xml, task.tests().stream().map(test -> outcome(task, test)).toList());
        xml.writeAttribute("time", seconds(task.tests().stream().mapToLong(JUnitXmlWriter::millis).sum()));
        newline(xml, 2);
        xml.writeStartElement("properties");
        writeProperty(xml, "lockstep.submission", grade.submission());
        writeProperty(xml, "lockstep.suite", grade.suite());
        writeProperty(xml, "lockstep.task.status", task.status().toString());
        writeProperty(xml, "lockstep.task.score", String.valueOf(task.score()));
        writeProperty(xml, "lockstep.task.max_score", String.valueOf(task.maxScore()));
        newline(xml, 2);
        xml.writeEndElement();
        for (TestResult test : task.tests()) {
            newline(xml, 2);
            writeCase(xml, suiteName, task, test);
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, String suiteName, TaskResult task, TestResult test)
            throws XMLStreamException {
        Outcome outcome = outcome(task, test);
        if (outcome == Outcome.PASSED) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", attribute(test.name()));
        xml.writeAttribute("classname", attribute(className(suiteName, test)));
        xml.writeAttribute("time", seconds(millis(test)));
        if (outcome == Outcome.PASSED) {
            return;
        }
        newline(xml, 3);
        String body = test.message();
        switch (outcome) {
            case FAILURE -> xml.writeStartElement("failure");
            case ERROR -> xml.writeStartElement("error");
            default -> xml.writeStartElement("skipped");
        }
        xml.writeAttribute("message", attribute(test.firstLine()));
        if (outcome != Outcome.SKIPPED) {
            boolean taskStopped = test.status() == TestStatus.NOT_RUN;
            xml.writeAttribute("type", (taskStopped ? task.status() : test.status()).toString());
            if (taskStopped && !task.message().isEmpty()) {
                body = body + "\n\n" + task.message();
            }
        }
        xml.writeCharacters(text(body));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static Outcome outcome(TaskResult task, TestResult test) {
        return switch (test.status()) {
            case PASSED -> Outcome.PASSED;
            case FAILED -> Outcome.FAILURE;
            case ERROR, TIMEOUT -> Outcome.ERROR;
            case NOT_RUN -> task.status() == TaskStatus.GRADED ? Outcome.SKIPPED : Outcome.ERROR;
            case INCONCLUSIVE -> Outcome.SKIPPED;
        };
    }

    private static void writeCounts(XMLStreamWriter xml, List<Outcome> outcomes)
            throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(outcomes.size()));
        xml.writeAttribute("failures", count(outcomes, Outcome.FAILURE));
        xml.writeAttribute("errors", count(outcomes, Outcome.ERROR));
        xml.writeAttribute("skipped", count(outcomes, Outcome.SKIPPED));
    }

    private static String count(List<Outcome> outcomes, Outcome outcome) {
        return String.valueOf(outcomes.stream().filter(outcome::equals).count());
    }

    private static void writeProperty(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", attribute(value));
    }

    /** {@code lockstep.<task>.<class of the test id>}, or the suite's name where the id names no class. */
    private static String className(String suiteName, TestResult test) {
        int dot = test.id().lastIndexOf('.');
        return dot <= 0 ? suiteName : suiteName + "." + test.id().substring(0, dot);
    }

    /** How long {@code test} ran, 0 where that is unknown. */
    private static long millis(TestResult test) {
        return test.durationMs() == null ? 0 : test.durationMs();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** An attribute's value on one line: a parser would turn its line breaks into spaces anyway. */
    private static String attribute(String value) {
        return text(value).replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** {@code value} with every character XML 1.0 cannot hold written as {@code \}{@code uXXXX}. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            }
        });
        return out.toString();
    }
}
