package lockstep.run;

import java.util.List;
import java.util.Map;
import lockstep.stress.HangDiagnosis;

/**
 * What the threads of the test JVM that run the assignment's code are doing, in a student's terms: the deadlock
 * cycles with the locks each thread holds and wants, or where each stuck thread is. Taken in the test JVM when a test
 * times out and when the grader asks before it kills a hung JVM; the diagnosis itself is the test library's.
 */
final class ThreadDumpSummary {

    private ThreadDumpSummary() {
    }

    /** The summary of the threads running {@code exercises.*} code; empty when there are none. */
    static String take() {
        List<Thread> students = Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey() != Thread.currentThread())
                .filter(entry -> List.of(entry.getValue()).stream()
                        .anyMatch(frame -> frame.getClassName().startsWith("exercises.")))
                .map(Map.Entry::getKey)
                .toList();
        if (students.isEmpty()) {
            return "";
        }
        HangDiagnosis diagnosis = HangDiagnosis.of(students, Map.of());
        return diagnosis.details().isBlank() ? diagnosis.summary() : diagnosis.summary() + "\n" + diagnosis.details();
    }
}
