package lockstep.compile;

import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Renders a javac error the way javac prints it: {@code path:line: error: message}, the source line with a caret
 * under the spot, then the message's detail lines (such as {@code symbol:} and {@code location:}).
 */
final class DiagnosticRenderer {

    private DiagnosticRenderer() {
    }

    static CompileError render(Diagnostic<? extends JavaFileObject> diagnostic) {
        String[] message = diagnostic.getMessage(Locale.ROOT).split("\\R", -1);
        if (!(diagnostic.getSource() instanceof InMemorySource source)) {
            return CompileError.unplaced("error: " + String.join("\n", message));
        }
        long line = Math.max(0, diagnostic.getLineNumber());
        StringBuilder out = new StringBuilder(source.path());
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": error: ").append(message[0]);
        if (diagnostic.getPosition() != Diagnostic.NOPOS) {
            appendSourceLine(out, source.content(), Math.toIntExact(diagnostic.getPosition()));
        }
        for (int i = 1; i < message.length; i++) {
            out.append('\n').append(message[i]);
        }
        return new CompileError(source.path(), line, out.toString());
    }

    /** The line holding {@code position} and, under it, a caret; tabs are kept so the caret lines up. */
    private static void appendSourceLine(StringBuilder out, String content, int position) {
        int at = Math.min(position, content.length());
        int start = at;
        while (start > 0 && content.charAt(start - 1) != '\n' && content.charAt(start - 1) != '\r') {
            start--;
        }
        int end = at;
        while (end < content.length() && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
            end++;
        }
        out.append('\n').append(content, start, end).append('\n');
        for (int i = start; i < at; i++) {
            out.append(content.charAt(i) == '\t' ? '\t' : ' ');
        }
        out.append('^');
    }
}
