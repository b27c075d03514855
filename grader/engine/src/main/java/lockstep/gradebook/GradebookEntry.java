package lockstep.gradebook;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import lockstep.model.GradeResult;

/**
 * One student's row of the gradebook: their grade, or, where their submission could not be graded at all (no
 * submission, an archive that would not unpack, the grader failing), the problem instead.
 *
 * @param student    the student's name as the batch knows it (their submission's folder name)
 * @param result     the grade, empty where there is none
 * @param problem    why there is no grade; empty where there is one
 * @param reportLink the link to the student's feedback page, relative to the gradebook; empty where there is none
 */
public record GradebookEntry(String student, Optional<GradeResult> result, String problem, String reportLink) {

    public GradebookEntry {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(result, "result");
        problem = problem == null ? "" : problem;
        reportLink = reportLink == null ? "" : reportLink;
        if (student.isBlank()) {
            throw new IllegalArgumentException("a gradebook entry needs a student");
        }
        if (result.isEmpty() && problem.isBlank()) {
            throw new IllegalArgumentException("student " + student + " has no grade: say why in problem");
        }
    }

    /** A graded student whose feedback page is {@code <student>/report.html} beside the gradebook. */
    public static GradebookEntry graded(String student, GradeResult result) {
        return new GradebookEntry(student, Optional.of(result), "", pathSegment(student) + "/report.html");
    }

    /** A student whose submission could not be graded, for {@code problem}. */
    public static GradebookEntry ungraded(String student, String problem) {
        return new GradebookEntry(student, Optional.empty(), problem, "");
    }

    /** {@code name} as one segment of a relative URL: everything but unreserved characters percent-encoded. */
    static String pathSegment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "%%%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
