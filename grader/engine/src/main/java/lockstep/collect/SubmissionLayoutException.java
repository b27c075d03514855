package lockstep.collect;

import java.io.IOException;

/**
 * The folder handed in holds no source root with an {@code exercises} folder: there is nothing to grade. The message
 * says where the grader looked, in words a student can act on.
 */
public final class SubmissionLayoutException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with the student-readable {@code message}. */
    public SubmissionLayoutException(String message) {
        super(message);
    }
}
