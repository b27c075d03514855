package lockstep.hostile;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Grades every case of the corpus (or the cases named as arguments), one after the other, and prints the table of
 * verdicts: case, status, score, message, time to verdict, and whether the task graded beside it was affected.
 *
 * <pre>
 * ./mvnw -q -pl grader/engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=lockstep.hostile.HostileBenchmark [-Dexec.args="thread-bomb infinite-loop"]
 * </pre>
 *
 * The JUnit class {@link HostileSubmissionsTest} prints the same table after it has judged every case.
 */
public final class HostileBenchmark {

    private HostileBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Set<String> only = Set.of(args);
        List<Verdict> verdicts = new ArrayList<>();
        for (HostileCase hostile : HostileCorpus.CASES) {
            if (only.isEmpty() || only.contains(hostile.name())) {
                out.println("grading " + hostile.name() + " ...");
                verdicts.add(HostileGrading.verdict(hostile));
            }
        }
        out.println();
        out.print(VerdictTable.render(verdicts));
    }
}
