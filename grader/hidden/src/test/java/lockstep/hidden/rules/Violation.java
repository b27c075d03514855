package lockstep.hidden.rules;

import java.util.Objects;

/**
 * One place where the submission breaks a rule.
 *
 * @param file    the source file from the source root, such as {@code exercises/locks/LockedCounter.java}
 * @param line    the source line, or 0 where there is none (a field, a missing method)
 * @param message what is wrong and what to do instead, in a student's words
 */
record Violation(String file, int line, String message) {

    Violation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** The line a student reads: {@code exercises/locks/LockedCounter.java:14: LockedCounter.increment() ...}. */
    String render() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
