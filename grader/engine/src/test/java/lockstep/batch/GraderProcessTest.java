package lockstep.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch tests and the benchmark start the grader as {@code ./grade} does. */
class GraderProcessTest {

    @Test
    void startsTheGraderWithTheGradeScriptsJvmOptions() throws Exception {
        List<String> exec = Files.readAllLines(GraderProcess.repository().resolve("grade")).stream()
                .filter(line -> line.startsWith("exec ")).toList();
        assertEquals(1, exec.size(), "./grade starts the grader in one place: " + exec);
        String options = exec.get(0).replaceFirst("^exec \"\\$java_cmd\" ", "").replaceFirst(" -jar .*$", "");
        assertEquals(String.join(" ", GraderProcess.GRADE_SCRIPT_OPTIONS), options, exec.get(0));
    }
}
