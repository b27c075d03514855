package lockstep.grade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import lockstep.model.GradeResult;
import lockstep.run.RunLimits;
import lockstep.suite.Suite;

/** Grades one submission end to end (being wired). */
public final class Grader {

    public Grader(Suite suite, RunLimits limits, PrintWriter log) {
    }

    public GradeResult grade(Path submission, Optional<Path> base, Path outDir) {
        throw new IllegalStateException("not wired yet");
    }
}
