package lockstep.report.github;

import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;

/**
 * GitHub Actions workflow commands that annotate the student's own source lines: one
 * {@code ::error file=<path>,line=<n>,title=<title>::<message>} per compile error and per broken sandbox rule, where
 * {@code path} is relative to the root of the student's repository (the caller's prefix, such as
 * {@code starter/src/main/java/}, then the path relative to the source root). Diagnostics that name no line annotate
 * the file. Values are escaped as the workflow-command rules ask, so no message can end a command early or start one.
 * Print the result on the standard output of a workflow step.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class AnnotationWriter {

    private AnnotationWriter() {
    }

    /**
     * The annotation commands for {@code grade}, each on its own line ending with {@code \n}; empty when no task failed
     * to compile or broke a sandbox rule.
     *
     * @param sourcePrefix where the student's source root lies in their repository, such as
     *                     {@code starter/src/main/java/}; empty where the repository root is the source root
     */
    public static String render(GradeResult grade, String sourcePrefix) {
        String prefix = normalized(sourcePrefix);
        StringBuilder out = new StringBuilder();
        for (TaskResult task : grade.tasks()) {
            if (task.status() != TaskStatus.COMPILE_ERROR && task.status() != TaskStatus.RULE_VIOLATION) {
                continue;
            }
            String title = task.status() == TaskStatus.COMPILE_ERROR
                    ? "Task " + task.id() + ": compile error"
                    : "Task " + task.id() + ": sandbox rule broken";
            for (SourceDiagnostic diagnostic : SourceDiagnostic.parse(task.message())) {
                out.append("::error file=").append(property(prefix + diagnostic.file()));
                if (diagnostic.line() > 0) {
                    out.append(",line=").append(diagnostic.line());
                }
                out.append(",title=").append(property(title)).append("::").append(data(diagnostic.text()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** A command's message: {@code %}, CR and LF escaped. */
    static String data(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: as {@link #data}, and also {@code :} and {@code ,}. */
    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }

    private static String normalized(String prefix) {
        String slashes = prefix.replace('\\', '/');
        return slashes.isEmpty() || slashes.endsWith("/") ? slashes : slashes + "/";
    }
}
