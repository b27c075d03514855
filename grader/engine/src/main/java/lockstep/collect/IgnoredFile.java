package lockstep.collect;

import java.util.Objects;

/**
 * A file under the source root that the grader did not compile, and why.
 *
 * @param path   the path relative to the source root, with {@code /} separators
 * @param reason why it was left out, in a student's words, such as {@code outside the task packages}
 */
public record IgnoredFile(String path, String reason) {

    public IgnoredFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** The line shown to the student, such as {@code exercises/Counter.java: the grader supplies its own Counter}. */
    public String describe() {
        return path + ": " + reason;
    }
}
