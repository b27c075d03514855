package lockstep.compile;

import java.util.Objects;

/**
 * One reason a task did not compile, rendered the way javac prints it: {@code path:line: error: message}, the
 * source line, and a caret under the spot.
 *
 * @param path     the source file relative to the source root, such as {@code exercises/race/RaceDemo.java};
 *                 empty where the error concerns no single file (a task with no sources)
 * @param line     the 1-based line, or 0 where there is none
 * @param rendered the full text shown to the student, possibly several lines
 */
public record CompileError(String path, long line, String rendered) {

    public CompileError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rendered, "rendered");
    }

    /** An error with no position, such as a collect problem ({@code file X is not UTF-8 text}). */
    static CompileError unplaced(String message) {
        return new CompileError("", 0, message);
    }
}
