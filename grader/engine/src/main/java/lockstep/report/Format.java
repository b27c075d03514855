package lockstep.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import lockstep.model.GradeResult;
import lockstep.model.ScoreTable;
import lockstep.report.autolab.AutolabWriter;
import lockstep.report.github.AnnotationWriter;
import lockstep.report.github.JobSummaryWriter;
import lockstep.report.gradescope.GradescopeWriter;
import lockstep.report.html.HtmlReportWriter;
import lockstep.report.junitxml.JUnitXmlWriter;
import lockstep.report.prairielearn.PrairieLearnWriter;

/**
 * The report formats {@code ./grade --format} can produce, each rendered from a saved grade alone. Files go into the
 * result folder (platform files into a subfolder named after the platform, since Gradescope and PrairieLearn both
 * call theirs {@code results.json}); console formats print. Rendered in declaration order, so Autolab's score line is
 * the last line of output.
 */
public enum Format {
    /** {@code result.json}, the canonical result (always written). */
    JSON,
    /** {@code report.md}, the student's feedback. */
    MD,
    /** The score table on standard output. */
    CONSOLE,
    /** {@code report.html}, a self-contained feedback page. */
    HTML,
    /** {@code TEST-lockstep.xml} in Surefire's format, one test suite per task. */
    JUNIT,
    /** {@code gradescope/results.json} as Gradescope's autograder specification defines it. */
    GRADESCOPE,
    /** {@code prairielearn/results.json} for PrairieLearn's external grader. */
    PRAIRIELEARN,
    /** GitHub Actions: annotations on the student's lines, and the job summary where {@code GITHUB_STEP_SUMMARY} is set. */
    GITHUB,
    /** Autolab's score line, printed last. */
    AUTOLAB;

    /**
     * Renders {@code grade} in each of {@code formats} (in declaration order) and then writes {@code result.json},
     * always and last: a result folder with a {@code result.json} is complete, which is what a resumed batch trusts.
     */
    public static void renderAll(GradeResult grade, java.util.Set<Format> formats, Path dir, PrintWriter out,
                                 Map<String, String> environment) throws IOException {
        for (Format format : values()) {
            if (format != JSON && formats.contains(format)) {
                format.render(grade, dir, out, environment);
            }
        }
        JSON.render(grade, dir, out, environment);
    }

    /** The id used on the command line, such as {@code gradescope}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Renders {@code grade} in this format.
     *
     * @param dir          the result folder
     * @param out          standard output, for the console formats
     * @param environment  the process environment (GitHub's summary file)
     */
    public void render(GradeResult grade, Path dir, PrintWriter out, Map<String, String> environment)
            throws IOException {
        switch (this) {
            case JSON -> ReportFiles.writeAtomically(dir.resolve(ResultJson.FILE), ResultJson.render(grade));
            case MD -> ReportFiles.writeAtomically(dir.resolve(MarkdownReport.FILE), MarkdownReport.render(grade));
            case CONSOLE -> out.print(ScoreTable.render(grade));
            case HTML -> HtmlReportWriter.write(grade, dir);
            case JUNIT -> JUnitXmlWriter.write(grade, dir);
            case GRADESCOPE -> GradescopeWriter.write(grade, dir.resolve("gradescope"));
            case PRAIRIELEARN -> PrairieLearnWriter.write(grade, dir.resolve("prairielearn"));
            case GITHUB -> {
                out.print(AnnotationWriter.render(grade, grade.environment().getOrDefault("source_root", "")));
                JobSummaryWriter.append(grade, environment);
            }
            case AUTOLAB -> out.println(AutolabWriter.scoreLine(grade));
        }
        out.flush();
    }
}
