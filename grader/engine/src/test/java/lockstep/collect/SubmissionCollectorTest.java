package lockstep.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionCollectorTest {

    private static final String RACE_DEMO = "package exercises.race;\npublic final class RaceDemo {}\n";

    @TempDir
    Path dir;

    private final SubmissionCollector collector = new SubmissionCollector();

    @ParameterizedTest
    @ValueSource(strings = {"starter/src/main/java", "src/main/java", ""})
    void findsTheSourceRootOfEveryLayout(String layout) throws IOException {
        Path root = layout.isEmpty() ? dir : dir.resolve(layout);
        write(root, "exercises/race/RaceDemo.java", RACE_DEMO);

        CollectedSubmission submission = collector.collect(dir);

        assertEquals(root.toRealPath(), submission.sourceRoot());
        assertEquals(List.of(new SourceFile("exercises/race/RaceDemo.java", RACE_DEMO)),
                submission.files(Task.RACE));
    }

    @Test
    void theStarterModuleWinsOverTheOtherLayouts() throws IOException {
        write(dir, "starter/src/main/java/exercises/race/RaceDemo.java", RACE_DEMO);
        write(dir, "src/main/java/exercises/race/Other.java", "class Other {}");
        write(dir, "exercises/race/Third.java", "class Third {}");

        CollectedSubmission submission = collector.collect(dir);

        assertEquals(dir.resolve("starter/src/main/java").toRealPath(), submission.sourceRoot());
        assertEquals(List.of("exercises/race/RaceDemo.java"), paths(submission.files(Task.RACE)));
    }

    @Test
    void aFolderWithoutExercisesIsAClearError() throws IOException {
        write(dir, "src/main/java/Main.java", "class Main {}");

        SubmissionLayoutException error = assertThrows(SubmissionLayoutException.class, () -> collector.collect(dir));

        assertEquals("found no exercises folder in " + dir + ": looked for starter/src/main/java/exercises,"
                + " src/main/java/exercises and exercises (hand in your repository's root folder, the one that holds"
                + " starter/)", error.getMessage());
    }

    @Test
    void aMissingFolderIsAClearError() {
        Path nowhere = dir.resolve("nowhere");

        SubmissionLayoutException error =
                assertThrows(SubmissionLayoutException.class, () -> collector.collect(nowhere));

        assertEquals("there is no folder " + nowhere + " to grade", error.getMessage());
    }

    @Test
    void collectsTheTaskPackagesWithSubfoldersSortedByPath() throws IOException {
        write(dir, "exercises/locks/Bank.java", "b");
        write(dir, "exercises/locks/Account.java", "a");
        write(dir, "exercises/locks/util/Order.java", "o");
        write(dir, "exercises/launch/Launcher.java", "l");

        CollectedSubmission submission = collector.collect(dir);

        assertEquals(List.of("exercises/locks/Account.java", "exercises/locks/Bank.java",
                "exercises/locks/util/Order.java"), paths(submission.files(Task.LOCKS)));
        assertEquals(List.of("exercises/launch/Launcher.java"), paths(submission.files(Task.LAUNCH)));
        assertEquals(List.of(), submission.problems(Task.LOCKS));
    }

    @Test
    void everyFileLeftOutIsNamedWithItsReason() throws IOException {
        write(dir, "exercises/race/RaceDemo.java", RACE_DEMO);
        write(dir, "exercises/Counter.java", "package exercises; public interface Counter { void reset(); }");
        write(dir, "exercises/Main.java", "package exercises; class Main {}");
        write(dir, "exercises/race/notes.txt", "my notes");
        write(dir, "exercises/race/.RaceDemo.java", "editor backup");
        write(dir, "exercises/race/.idea/workspace.java", "x");
        write(dir, "exercises/locks/module-info.java", "module m {}");
        write(dir, "exercises/util/Helper.java", "package exercises.util; class Helper {}");
        write(dir, "other/Thing.java", "class Thing {}");

        CollectedSubmission submission = collector.collect(dir);

        assertEquals(List.of(
                "exercises/Counter.java: the grader supplies its own Counter",
                "exercises/Main.java: outside the task packages",
                "exercises/locks/module-info.java: a module declaration: the grader compiles each task without"
                        + " modules",
                "exercises/race/.RaceDemo.java: a hidden file",
                "exercises/race/.idea/: a hidden folder",
                "exercises/race/notes.txt: not a .java file",
                "exercises/util/: outside the task packages",
                "other/: outside the task packages"), submission.ignoredLines());
        assertEquals(List.of("exercises/race/RaceDemo.java"), paths(submission.files(Task.RACE)));
    }

    @Test
    void nothingOutsideTheSourceRootIsListedOrRead() throws IOException {
        write(dir, "starter/src/main/java/exercises/race/RaceDemo.java", RACE_DEMO);
        write(dir, "starter/src/test/java/exercises/race/RaceDemoTest.java", "class RaceDemoTest {}");
        write(dir, "pom.xml", "<project/>");
        write(dir, "grade", "#!/bin/sh");

        CollectedSubmission submission = collector.collect(dir);

        assertEquals(List.of(), submission.ignored());
    }

    @Test
    void aSymbolicLinkIsIgnoredAndNeverFollowed() throws IOException {
        Path outside = write(dir, "secret/Secret.java", "package exercises.race; class Secret {}");
        Path root = dir.resolve("submission");
        write(root, "exercises/race/RaceDemo.java", RACE_DEMO);
        link(root.resolve("exercises/race/Secret.java"), outside);
        link(root.resolve("exercises/locks"), outside.getParent());

        CollectedSubmission submission = collector.collect(root);

        assertEquals(List.of("exercises/race/RaceDemo.java"), paths(submission.files(Task.RACE)));
        assertEquals(List.of("exercises/locks: a symbolic link: the grader does not follow links",
                "exercises/race/Secret.java: a symbolic link: the grader does not follow links"),
                submission.ignoredLines());
        assertEquals(List.of(), submission.files(Task.LOCKS));
    }

    @Test
    void theFolderHandedInMayBeALink() throws IOException {
        Path real = dir.resolve("real");
        write(real, "exercises/race/RaceDemo.java", RACE_DEMO);
        Path linked = dir.resolve("linked");
        link(linked, real);

        CollectedSubmission submission = collector.collect(linked);

        assertEquals(real.toRealPath(), submission.sourceRoot());
        assertEquals(List.of("exercises/race/RaceDemo.java"), paths(submission.files(Task.RACE)));
    }

    @Test
    void aLinkedModuleFolderIsNotASourceRoot() throws IOException {
        Path elsewhere = dir.resolve("elsewhere");
        write(elsewhere, "src/main/java/exercises/race/RaceDemo.java", RACE_DEMO);
        Path root = dir.resolve("submission");
        Files.createDirectories(root);
        link(root.resolve("starter"), elsewhere);
        write(root, "exercises/race/RaceDemo.java", RACE_DEMO);

        assertEquals(root.toRealPath(), collector.collect(root).sourceRoot());
    }

    @Test
    void aFileThatIsNotUtf8IsReportedForItsTask() throws IOException {
        write(dir, "exercises/race/UnsafeCounter.java", "package exercises.race; class UnsafeCounter {}");
        Path latin1 = dir.resolve("exercises/race/RaceDemo.java");
        Files.write(latin1, "// Zähler\nclass RaceDemo {}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CollectedSubmission submission = collector.collect(dir);

        assertEquals(List.of("file exercises/race/RaceDemo.java is not UTF-8 text: save it with the UTF-8 encoding"),
                submission.problems(Task.RACE));
        assertEquals(List.of("exercises/race/RaceDemo.java: not UTF-8 text"), submission.ignoredLines());
        assertEquals(List.of("exercises/race/UnsafeCounter.java"), paths(submission.files(Task.RACE)));
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        write(dir, "exercises/race/RaceDemo.java", "\uFEFF" + RACE_DEMO);

        assertEquals(RACE_DEMO, collector.collect(dir).files(Task.RACE).get(0).content());
    }

    @Test
    void aFileTooLargeIsRefusedAndItsTaskCannotCompile() throws IOException {
        write(dir, "exercises/locks/Bank.java", "x".repeat(2000));
        write(dir, "exercises/locks/Account.java", "small");

        CollectedSubmission submission = new SubmissionCollector(new CollectLimits(1024, 100, 200)).collect(dir);

        assertEquals(List.of("file exercises/locks/Bank.java is too large (2 KiB; the grader reads files up to"
                + " 1 KiB)"), submission.problems(Task.LOCKS));
        assertEquals(List.of("exercises/locks/Bank.java: larger than 1 KiB"), submission.ignoredLines());
        assertEquals(List.of("exercises/locks/Account.java"), paths(submission.files(Task.LOCKS)));
    }

    @Test
    void tooManyFilesInATaskIsAProblem() throws IOException {
        for (int i = 0; i < 3; i++) {
            write(dir, "exercises/launch/L" + i + ".java", "class L" + i + " {}");
        }

        CollectedSubmission submission = new SubmissionCollector(new CollectLimits(1024, 2, 200)).collect(dir);

        assertEquals(List.of("task launch has 3 .java files in exercises/launch/: the grader reads at most 2"),
                submission.problems(Task.LAUNCH));
    }

    @Test
    void aTaskWithoutFilesIsMissing() throws IOException {
        write(dir, "exercises/race/RaceDemo.java", RACE_DEMO);
        Files.createDirectories(dir.resolve("exercises/launch"));

        CollectedSubmission submission = collector.collect(dir);

        assertEquals(List.of("no source files for task launch: expected .java files in exercises/launch/"
                + " (Launcher.java)"), submission.problems(Task.LAUNCH));
        assertEquals(List.of("no source files for task locks: expected .java files in exercises/locks/"
                + " (SynchronizedCounter.java, LockedCounter.java, AtomicCounter.java, Account.java, Bank.java)"),
                submission.problems(Task.LOCKS));
        assertEquals(List.of(), submission.problems(Task.RACE));
    }

    @Test
    void theIgnoredListIsCapped() throws IOException {
        for (int i = 0; i < 5; i++) {
            write(dir, "exercises/race/n" + i + ".txt", "");
        }
        write(dir, "exercises/race/RaceDemo.java", RACE_DEMO);

        CollectedSubmission submission = new SubmissionCollector(new CollectLimits(1024, 10, 3)).collect(dir);

        assertEquals(List.of("exercises/race/n0.txt: not a .java file", "exercises/race/n1.txt: not a .java file",
                "exercises/race/n2.txt: not a .java file", "...: 2 more ignored files"), submission.ignoredLines());
    }

    @Test
    void overTakesTheFilesASubmissionLacksFromTheBase() throws IOException {
        Path base = dir.resolve("base");
        write(base, "exercises/race/RaceDemo.java", "base demo");
        write(base, "exercises/race/UnsafeCounter.java", "base counter");
        write(base, "exercises/launch/Launcher.java", "base launcher");
        Path sample = dir.resolve("sample");
        write(sample, "exercises/race/RaceDemo.java", "sample demo");
        write(sample, "exercises/notes.md", "what this sample shows");

        CollectedSubmission merged = collector.collect(sample).over(collector.collect(base));

        assertEquals(List.of(new SourceFile("exercises/race/RaceDemo.java", "sample demo"),
                new SourceFile("exercises/race/UnsafeCounter.java", "base counter")), merged.files(Task.RACE));
        assertEquals(List.of("exercises/launch/Launcher.java"), paths(merged.files(Task.LAUNCH)));
        assertTrue(merged.problems(Task.LOCKS).get(0).startsWith("no source files for task locks"));
        assertEquals(List.of("exercises/notes.md: outside the task packages"), merged.ignoredLines());
        assertEquals(sample.toRealPath(), merged.sourceRoot());
    }

    @Test
    void tasksKnowTheirPackageAndFolder() {
        assertEquals("race", Task.RACE.id());
        assertEquals("exercises.race", Task.RACE.packageName());
        assertEquals("exercises/race/", Task.RACE.folder());
        assertEquals(Task.LOCKS, Task.byId("locks").orElseThrow());
        assertTrue(Task.byId("Locks").isEmpty());
    }

    private static Path write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, UTF_8);
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }

    private static List<String> paths(List<SourceFile> files) {
        return files.stream().map(SourceFile::path).toList();
    }
}
