package lockstep.report.github;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One diagnostic of a task-level message that points at the student's source: a compile error
 * ({@code exercises/race/RaceDemo.java:12: error: ';' expected}) or a broken sandbox rule
 * ({@code exercises/race/RaceDemo.java:31: RaceDemo.run calls System.exit: ...}, the line left out where the rule
 * is broken at class level).
 *
 * @param file the path relative to the student's source root
 * @param line the line, or 0 where the diagnostic names none
 * @param text what is wrong: the diagnostic's own line (without javac's {@code error: }) and its indented detail
 *             lines such as {@code symbol:} and {@code location:}, but not the echoed source line and its caret,
 *             since the annotation itself sits on that line
 */
record SourceDiagnostic(String file, int line, String text) {

    private static final Pattern LOCATED = Pattern.compile("([^\\s:]+\\.java)(?::(\\d+))?: (.+)");
    private static final Pattern CARET = Pattern.compile("\\s*\\^\\s*");

    /** Every diagnostic in {@code message}, in order; paths that would leave the source root are not diagnostics. */
    static List<SourceDiagnostic> parse(String message) {
        List<String> lines = message.lines().toList();
        List<SourceDiagnostic> found = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher located = LOCATED.matcher(lines.get(i));
            i++;
            if (!located.matches() || !insideSourceRoot(located.group(1))) {
                continue;
            }
            StringBuilder text = new StringBuilder(located.group(3).replaceFirst("^error: ", ""));
            while (i < lines.size()) {
                String next = lines.get(i);
                if (i + 1 < lines.size() && CARET.matcher(lines.get(i + 1)).matches()) {
                    i += 2;
                } else if (LOCATED.matcher(next).matches()) {
                    break;
                } else {
                    if (!next.isBlank() && Character.isWhitespace(next.charAt(0))) {
                        text.append('\n').append(next.strip());
                    }
                    i++;
                }
            }
            int line = located.group(2) == null ? 0 : Integer.parseInt(located.group(2));
            found.add(new SourceDiagnostic(located.group(1), line, text.toString()));
        }
        return found;
    }

    private static boolean insideSourceRoot(String path) {
        return !path.startsWith("/") && !path.contains("\\") && !List.of(path.split("/")).contains("..");
    }
}
