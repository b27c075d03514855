package lockstep.report;

/** Student text made safe for Markdown: one place for the escaping every Markdown report uses. */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** A fenced block that no message can close early; markup and HTML inside it are shown as text. */
    public static String block(String text) {
        String fence = "~~~";
        while (text.contains(fence)) {
            fence += "~";
        }
        return fence + "\n" + text.strip() + "\n" + fence + "\n";
    }

    /** Text for one Markdown line: no line breaks, no control characters, no markup, no HTML. */
    public static String inline(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "\uFFFD").strip()
                .replaceAll("([\\\\`*_\\[\\]<>|#~!&])", "\\\\$1");
    }
}
