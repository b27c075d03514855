package lockstep.compile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Passes everything through to the standard file manager and notes, for each class javac writes, the source file it
 * came from: the later stages point at the student's file, not at a class name.
 */
final class OutputRecorder extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, InMemorySource> sourceByClass = new LinkedHashMap<>();

    OutputRecorder(StandardJavaFileManager fileManager) {
        super(fileManager);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) throws IOException {
        if (kind == JavaFileObject.Kind.CLASS && sibling instanceof InMemorySource source) {
            sourceByClass.put(className, source);
        }
        return super.getJavaFileForOutput(location, className, kind, sibling);
    }

    /** Every class written so far, by binary name (such as {@code exercises.race.RaceDemo$1}), with its source. */
    Map<String, InMemorySource> sourceByClass() {
        return sourceByClass;
    }
}
