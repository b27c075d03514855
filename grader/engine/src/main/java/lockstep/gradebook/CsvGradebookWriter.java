package lockstep.gradebook;

import java.util.ArrayList;
import java.util.List;
import lockstep.model.GradeResult;

/**
 * {@code gradebook.csv}: one row per student (student, each task's points, total, maximum, status, problem, report
 * link) under a header row, in RFC 4180 form: CRLF line ends, a field quoted where it holds a comma, a quote or a
 * line break, quotes doubled. Cells of a student without a grade are empty, not 0. A text cell that a spreadsheet
 * would take for a formula (it starts with {@code = + - @}, a tab or a CR) is prefixed with {@code '}.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class CsvGradebookWriter {

    /** The file's name. */
    public static final String FILE = "gradebook.csv";

    private CsvGradebookWriter() {
    }

    /** The CSV for {@code entries}, in their order. */
    public static String render(List<GradebookEntry> entries) {
        List<String> taskIds = Rows.taskIds(entries);
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("student");
        header.addAll(taskIds);
        header.addAll(List.of("total", "max", "status", "problem", "report"));
        row(csv, header);
        for (GradebookEntry entry : entries) {
            List<String> cells = new ArrayList<>();
            cells.add(text(entry.student()));
            GradeResult grade = entry.result().orElse(null);
            for (String id : taskIds) {
                cells.add(grade == null ? ""
                        : Rows.task(grade, id).map(task -> String.valueOf(task.score())).orElse(""));
            }
            cells.add(grade == null ? "" : String.valueOf(grade.score()));
            cells.add(grade == null ? "" : String.valueOf(grade.maxScore()));
            cells.add(text(Rows.status(entry)));
            cells.add(text(entry.problem()));
            cells.add(text(entry.reportLink()));
            row(csv, cells);
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** One RFC 4180 field: quoted, with quotes doubled, where it holds a comma, a quote, CR or LF. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** A text cell no spreadsheet runs as a formula. */
    static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
