package lockstep.gradebook;

import static lockstep.report.html.HtmlText.escape;

import java.util.List;
import java.util.Locale;

/**
 * The two charts of the class overview as inline SVG that scales to the page's width: the distribution of totals
 * (a column per 10 %) and, per test, the share of the class that failed it or did not run it (stacked bars). Each
 * chart has a title and a description holding its numbers, for screen readers; colours come from the page's style
 * sheet, and every number is also written as text.
 */
final class SvgCharts {

    private static final int WIDTH = 600;
    private static final int LABEL_CHARS = 80;

    private SvgCharts() {
    }

    /** The histogram of {@code bins}. */
    static String histogram(List<ClassStatistics.Bin> bins) {
        int top = 24;
        int baseline = 200;
        int left = 10;
        int slot = (WIDTH - 2 * left) / bins.size();
        int highest = Math.max(1, bins.stream().mapToInt(ClassStatistics.Bin::students).max().orElse(0));
        StringBuilder svg = new StringBuilder();
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < bins.size(); i++) {
            ClassStatistics.Bin bin = bins.get(i);
            double height = (double) (baseline - top) * bin.students() / highest;
            int x = left + i * slot;
            String range = bin.from() + "–" + bin.to() + "%";
            description.append(range).append(": ").append(bin.students()).append(i < bins.size() - 1 ? "; " : ".");
            svg.append(String.format(Locale.ROOT, "<rect class=\"svg-ok\" x=\"%d\" y=\"%.1f\" width=\"%d\" "
                    + "height=\"%.1f\"><title>%s: %d</title></rect>%n", x + 3, baseline - height, slot - 6, height,
                    range, bin.students()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n",
                    x + slot / 2, baseline - height - 6, bin.students()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + slot / 2, baseline + 18, range));
        }
        return open("histogram", WIDTH, baseline + 28, "Distribution of total scores",
                "Students per band of the maximum score. " + description)
                + String.format(Locale.ROOT, "<line class=\"svg-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n",
                        left, baseline, WIDTH - left, baseline)
                + svg + "</svg>\n";
    }

    /** The stacked bars of {@code rates}: failed, then not run or inconclusive, of the students who had the test. */
    static String failureRates(List<ClassStatistics.TestRate> rates) {
        int row = 46;
        int barWidth = 420;
        int legend = 28;
        StringBuilder svg = new StringBuilder();
        StringBuilder description = new StringBuilder();
        svg.append("<rect class=\"svg-bad\" x=\"0\" y=\"4\" width=\"14\" height=\"14\"/>"
                + "<text x=\"20\" y=\"16\">failed (failed, error, timeout)</text>\n"
                + "<rect class=\"svg-off\" x=\"260\" y=\"4\" width=\"14\" height=\"14\"/>"
                + "<text x=\"280\" y=\"16\">not run or inconclusive</text>\n");
        for (int i = 0; i < rates.size(); i++) {
            ClassStatistics.TestRate rate = rates.get(i);
            int y = legend + i * row;
            String label = rate.task() + ": " + rate.name();
            String numbers = String.format(Locale.ROOT, "%d%% failed, %d%% not run", percent(rate.failedShare()),
                    percent(rate.notRunShare()));
            description.append(label).append(": ").append(numbers).append(" of ").append(rate.students())
                    .append(". ");
            double failed = barWidth * rate.failedShare();
            double notRun = barWidth * rate.notRunShare();
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y + 14,
                    escape(shortened(label))));
            svg.append(String.format(Locale.ROOT, "<rect class=\"svg-track\" x=\"0\" y=\"%d\" width=\"%d\" "
                    + "height=\"14\"/>%n", y + 21, barWidth));
            svg.append(String.format(Locale.ROOT, "<rect class=\"svg-bad\" x=\"0\" y=\"%d\" width=\"%.1f\" "
                    + "height=\"14\"><title>%d of %d failed</title></rect>%n", y + 21, failed, rate.failed(),
                    rate.students()));
            svg.append(String.format(Locale.ROOT, "<rect class=\"svg-off\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                    + "height=\"14\"><title>%d of %d not run or inconclusive</title></rect>%n", failed, y + 21,
                    notRun, rate.notRun(), rate.students()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", barWidth + 8, y + 33,
                    escape(numbers)));
        }
        return open("failure-rates", WIDTH, legend + rates.size() * row + 4, "Where the class lost points",
                "Share of the students who failed each test, or did not run it. " + description)
                + svg + "</svg>\n";
    }

    private static String open(String id, int width, int height, String title, String description) {
        return String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title "
                + "%s-desc\">%n<title id=\"%s-title\">%s</title>%n"
                + "<desc id=\"%s-desc\">%s</desc>%n", width, height, id, id, id, escape(title), id,
                escape(description.strip()));
    }

    /** A label that fits the chart's width; the description holds it in full. */
    private static String shortened(String label) {
        if (label.codePointCount(0, label.length()) <= LABEL_CHARS) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
    }

    private static int percent(double share) {
        return (int) Math.round(share * 100);
    }
}
