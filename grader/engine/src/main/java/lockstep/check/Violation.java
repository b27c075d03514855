package lockstep.check;

import java.util.Objects;

/**
 * One broken sandbox rule, pinned to the student's source.
 *
 * @param ruleId     the rule broken, such as {@code exit}
 * @param sourceFile the source file relative to the source root, such as {@code exercises/race/RaceDemo.java}
 * @param line       the source line, or 0 where the reference has none (a field's type, a supertype)
 * @param className  the binary name of the class holding the reference, such as {@code exercises.race.RaceDemo}
 * @param member     the method or field holding it, as compiled ({@code run}, {@code <init>},
 *                   {@code lambda$run$0}), or empty at class level
 * @param message    what is wrong and what to do, such as {@code RaceDemo.run calls System.exit: a submission may
 *                   not end the JVM ...}
 */
public record Violation(String ruleId, String sourceFile, int line, String className, String member, String message) {

    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(message, "message");
    }

    /** The line shown to the student: {@code exercises/race/RaceDemo.java:31: RaceDemo.run calls System.exit: ...}. */
    public String render() {
        return sourceFile + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
