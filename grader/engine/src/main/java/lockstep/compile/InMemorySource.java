package lockstep.compile;

import java.net.URI;
import java.net.URISyntaxException;
import javax.tools.SimpleJavaFileObject;

/** A source file handed to javac from memory: the text collected once, never read from disk again. */
final class InMemorySource extends SimpleJavaFileObject {

    private final String path;
    private final String content;

    InMemorySource(String path, String content) {
        super(uri(path), Kind.SOURCE);
        this.path = path;
        this.content = content;
    }

    /** The path relative to the source root, such as {@code exercises/race/RaceDemo.java}. */
    String path() {
        return path;
    }

    /** The source text. */
    String content() {
        return content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return content;
    }

    private static URI uri(String path) {
        try {
            return new URI("mem", null, "/" + path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable source path: " + path, e);
        }
    }
}
