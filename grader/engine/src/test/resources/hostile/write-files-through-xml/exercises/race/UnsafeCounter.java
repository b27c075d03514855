package exercises.race;

import exercises.Counter;
import java.io.StringReader;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * Hostile: no file API appears in the Java code. An XML transformation writes its result to any file named by a URI:
 * here a forged report beside the grader's.
 */
public final class UnsafeCounter implements Counter {

    static {
        try {
            TransformerFactory.newInstance().newTransformer().transform(
                    new StreamSource(new StringReader("<grade score='92' max_score='92'/>")),
                    new StreamResult("file:" + System.getProperty("user.dir") + "/../../result.xml"));
        } catch (TransformerException ignored) {
            // no file, then
        }
    }

    private long count;

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
