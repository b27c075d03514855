package lockstep.report.html;

/**
 * Text for HTML: every character that could open markup or end an attribute value is written as a character
 * reference, and control characters HTML does not allow become U+FFFD, so whatever a student's program printed is
 * shown, never run. Safe in element content and in quoted attribute values (also inside inline SVG).
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} escaped for HTML element content or a quoted attribute value. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7F ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
