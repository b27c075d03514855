package lockstep.gradebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lockstep.report.ReportFiles;

/**
 * Writes the class's gradebook into a batch's out folder, beside the students' result folders:
 * {@value CsvGradebookWriter#FILE}, {@value MarkdownGradebookWriter#FILE} and {@value IndexPageWriter#FILE}, each
 * whole or not at all. The index links to {@code <student>/report.html}, which the batch writes per student.
 *
 * <p>Stateless; not safe to run twice at once on the same folder.
 */
public final class GradebookWriter {

    private GradebookWriter() {
    }

    /** Writes the three gradebook files for {@code entries} into {@code dir}. */
    public static void write(List<GradebookEntry> entries, Path dir) throws IOException {
        ReportFiles.writeAtomically(dir.resolve(CsvGradebookWriter.FILE), CsvGradebookWriter.render(entries));
        ReportFiles.writeAtomically(dir.resolve(MarkdownGradebookWriter.FILE), MarkdownGradebookWriter.render(entries));
        ReportFiles.writeAtomically(dir.resolve(IndexPageWriter.FILE), IndexPageWriter.render(entries));
    }
}
