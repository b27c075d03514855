package lockstep.hostile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lockstep.JdkNeutral;
import lockstep.batch.BatchGrading;
import lockstep.collect.Task;
import lockstep.grade.Grader;
import lockstep.gradebook.GradebookEntry;
import lockstep.model.GradeResult;
import lockstep.model.TaskResult;
import lockstep.model.TaskStatus;
import lockstep.report.Format;
import lockstep.report.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A class's batch with a hostile submission in it: the others are graded as if it were not there. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@JdkNeutral
class HostileBatchTest {

    @Test
    void aThreadBombInTheBatchCostsOnlyItsAuthor(@TempDir Path dir) throws Exception {
        Path submissions = Files.createDirectories(dir.resolve("submissions"));
        copyTree(HostileCorpus.FOLDER.resolve("thread-bomb"), submissions.resolve("mallory"));
        Path alice = submissions.resolve("alice/exercises/launch/Launcher.java");
        Files.createDirectories(alice.getParent());
        Files.copy(HostileCorpus.REFERENCE.resolve("src/main/java/exercises/launch/Launcher.java"), alice);
        Path out = dir.resolve("out");
        Grader grader = new Grader(HostileGrading.HIDDEN, HostileCase.TIGHT, Set.of(Task.LAUNCH),
                new PrintWriter(Writer.nullWriter()));

        List<GradebookEntry> gradebook = new BatchGrading(grader, Set.of(Format.JSON, Format.MD), 1, false)
                .grade(BatchGrading.submissions(submissions), Optional.of(HostileCorpus.REFERENCE), out,
                        BatchGrading.Progress.to(new PrintWriter(Writer.nullWriter()), false));

        TaskResult mallory = launch(ResultJson.read(out.resolve("mallory").resolve(ResultJson.FILE)));
        TaskResult honest = launch(ResultJson.read(out.resolve("alice").resolve(ResultJson.FILE)));
        String csv = Files.readString(out.resolve("gradebook.csv"));
        assertAll(
                () -> assertEquals(List.of("alice", "mallory"), gradebook.stream().map(GradebookEntry::student).toList()),
                () -> assertTrue(gradebook.stream().allMatch(entry -> entry.result().isPresent()), gradebook::toString),
                () -> assertEquals(TaskStatus.GRADED, honest.status(), () -> Verdict.feedback(honest)),
                () -> assertEquals(honest.maxScore(), honest.score(), () -> Verdict.feedback(honest)),
                () -> assertEquals(TaskStatus.CRASHED, mallory.status(), () -> Verdict.feedback(mallory)),
                () -> assertEquals(0, mallory.score()),
                () -> assertTrue(csv.lines().anyMatch(line -> line.startsWith("alice,")), csv),
                () -> assertTrue(csv.lines().anyMatch(line -> line.startsWith("mallory,")), csv),
                () -> assertTrue(Files.isRegularFile(out.resolve("alice/report.md"))),
                () -> assertTrue(Files.isRegularFile(out.resolve("mallory/report.md"))));
    }

    private static TaskResult launch(GradeResult grade) {
        return grade.tasks().stream().filter(task -> task.id().equals(Task.LAUNCH.id())).findFirst().orElseThrow();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
