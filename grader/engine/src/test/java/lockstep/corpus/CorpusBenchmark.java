package lockstep.corpus;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lockstep.model.GradeResult;

/**
 * Corpus benchmark (not a test): grades every corpus entry N times (default 20), as {@link CorpusTest} grades it
 * once, and prints a Markdown table: entry, pattern, kind, runs graded as expected out of N, median seconds per
 * grade; then how often the reference got full marks on every task in N grades and each entry whose verdict the
 * corpus records as wrong (a grader gap). Each unexpected outcome is printed as it happens.
 *
 * <pre>
 * ./mvnw -q -pl grader/engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=lockstep.corpus.CorpusBenchmark -Dexec.args="20 [entry ...]"
 * </pre>
 *
 * Grades one entry at a time: each run wants the cores to itself. Each entry's row (prefixed {@code row}) and each
 * unexpected outcome are printed as soon as they are known, so a run stopped midway keeps what it measured. Runs on a
 * quiet machine; with N = 20 and the whole corpus it takes hours on two cores.
 */
public final class CorpusBenchmark {

    private CorpusBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        // Named entries in the order named (the ones that matter most first, on a run that may be stopped).
        List<String> only = List.of(args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0]);
        List<CorpusEntry> entries = Corpus.entries().stream()
                .filter(entry -> only.isEmpty() || only.contains(entry.name()))
                .sorted(Comparator.comparingInt(entry -> only.indexOf(entry.name()))).toList();
        List<String> unknown = only.stream()
                .filter(name -> entries.stream().noneMatch(entry -> entry.name().equals(name))).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no corpus entry named " + String.join(", ", unknown));
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| entry | pattern | kind | graded as expected / %d | median s |%n|---|---|---|---:|---:|%n", runs));
        for (CorpusEntry entry : entries) {
            List<Double> seconds = new ArrayList<>();
            int asExpected = 0;
            for (int run = 1; run <= runs; run++) {
                out.printf(Locale.ROOT, "grading %s, run %d of %d%n", entry.name(), run, runs);
                CorpusGrading.Graded graded = CorpusGrading.grade(entry);
                seconds.add(graded.elapsed().toMillis() / 1000.0);
                List<String> mismatches = graded.mismatches();
                if (mismatches.isEmpty()) {
                    asExpected++;
                } else {
                    out.println("unexpected: " + entry.name() + " run " + run + ": " + String.join("; ", mismatches));
                }
            }
            String row = String.format(Locale.ROOT, "| %s | %s | %s | %d / %d | %.1f |%n", entry.name(),
                    cell(entry.pattern()) + (entry.judgedRight() ? "" : " (grader gap, below)"),
                    entry.kind().name().toLowerCase(Locale.ROOT), asExpected, runs, median(seconds));
            // Each row (and each unexpected outcome) as soon as it is known: a run of hours that is stopped keeps
            // what it measured, and the entries not yet graded can be named on the next run.
            out.print("row " + row);
            table.append(row);
        }
        int fullMarks = 0;
        List<Double> referenceSeconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            out.printf(Locale.ROOT, "grading solutions (every task), run %d of %d%n", run, runs);
            long start = System.nanoTime();
            GradeResult grade = CorpusGrading.grade(Corpus.REFERENCE, Optional.empty(), Set.of());
            referenceSeconds.add((System.nanoTime() - start) / 1e9);
            if (grade.score() == grade.maxScore() && grade.maxScore() > 0) {
                fullMarks++;
            } else {
                out.println("unexpected: solutions run " + run + ": " + grade.score() + " / " + grade.maxScore());
            }
        }
        out.println();
        out.print(table);
        out.printf(Locale.ROOT, "%nsolutions (every task): full marks %d / %d, median %.1f s%n", fullMarks, runs,
                median(referenceSeconds));
        out.println();
        entries.stream().filter(entry -> !entry.judgedRight())
                .forEach(entry -> out.println("grader gap: " + entry.name() + ": " + entry.gap()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
