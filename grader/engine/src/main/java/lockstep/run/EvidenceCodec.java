package lockstep.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lockstep.model.Evidence;

/**
 * A test's {@link Evidence} as one field of a channel message, and back. Plain lines of tab-separated fields, so the
 * test JVM needs no JSON library:
 *
 * <pre>
 * evidence  jdk  cores  omitted
 * stress    canary(0|1)  maxRuns  maxTimeMs  deadlineMs  threads:runs:wrong,...  concept
 * model     failed(0|1)  interleavings  plainRuns  tool  concept
 * </pre>
 *
 * Tabs and line breaks inside text are replaced by spaces. The field travels signed like the rest of the outcome; a
 * field that does not decode is no evidence, never a failed grade. Stateless.
 */
final class EvidenceCodec {

    private EvidenceCodec() {
    }

    /** The field for {@code evidence}; empty for none. */
    static String encode(Optional<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return "";
        }
        Evidence e = evidence.get();
        StringBuilder out = new StringBuilder();
        line(out, "evidence", e.jdk(), e.cores(), e.omitted());
        for (Evidence.Stress run : e.stress()) {
            StringBuilder counts = new StringBuilder();
            for (Evidence.Runs r : run.threadCounts()) {
                counts.append(counts.length() == 0 ? "" : ",").append(r.threads()).append(':').append(r.runs())
                        .append(':').append(r.wrong());
            }
            line(out, "stress", run.canary() ? 1 : 0, run.budget().maxRuns(), run.budget().maxTimeMs(),
                    run.budget().deadlineMs(), counts, run.concept());
        }
        for (Evidence.ModelChecking check : e.modelChecks()) {
            line(out, "model", check.failed() ? 1 : 0, check.interleavings(), check.plainRuns(), check.tool(),
                    check.concept());
        }
        return out.toString();
    }

    /** The evidence in {@code field}; empty where the field is empty or does not decode. */
    static Optional<Evidence> decode(String field) {
        if (field == null || field.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] lines = field.split("\n");
            String[] head = lines[0].split("\t", -1);
            if (head.length != 4 || !head[0].equals("evidence")) {
                return Optional.empty();
            }
            List<Evidence.Stress> stress = new ArrayList<>();
            List<Evidence.ModelChecking> modelChecks = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t", -1);
                if (f[0].equals("stress") && f.length == 7) {
                    stress.add(new Evidence.Stress(f[6], f[1].equals("1"), new Evidence.Budget(
                            Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])), counts(f[5])));
                } else if (f[0].equals("model") && f.length == 6) {
                    modelChecks.add(new Evidence.ModelChecking(f[5], f[4], Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]), f[1].equals("1")));
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new Evidence(head[1], Integer.parseInt(head[2]), stress, modelChecks,
                    Integer.parseInt(head[3])));
        } catch (RuntimeException e) { // a malformed number or count: no evidence
            return Optional.empty();
        }
    }

    private static List<Evidence.Runs> counts(String field) {
        List<Evidence.Runs> runs = new ArrayList<>();
        if (field.isEmpty()) {
            return runs;
        }
        for (String count : field.split(",")) {
            String[] parts = count.split(":");
            runs.add(new Evidence.Runs(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2])));
        }
        return runs;
    }

    private static void line(StringBuilder out, Object... fields) {
        if (out.length() > 0) {
            out.append('\n');
        }
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : "\t").append(String.valueOf(fields[i]).replaceAll("[\t\r\n]", " "));
        }
    }
}
