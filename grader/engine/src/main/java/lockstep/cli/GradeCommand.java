package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import lockstep.grade.Grader;
import lockstep.model.GradeResult;
import lockstep.model.ScoreTable;
import lockstep.run.RunLimits;
import lockstep.suite.SuiteLocator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./grade}: grades one submission, or every submission in a folder. */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        version = "Lockstep grader 1.0",
        description = {
            "Grades Java concurrency submissions of the threads, races and locks assignment.",
            "Compiles only the submission's own sources (per task), checks the sandbox rules, runs the suite's tests "
                + "for each task in a separate JVM, prints a score table and writes result.json and report.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:grading completed, whatever the score",
            "1:the grader itself failed",
            "2:usage error"})
final class GradeCommand implements Callable<Integer> {

    /** Exactly one of the two: one submission or a folder of them. */
    static final class Target {
        @Option(names = "--submission", paramLabel = "DIR", required = true,
                description = "A submission: a student's repository root (reads starter/src/main/java), a module "
                        + "folder (src/main/java) or a source root holding exercises/.")
        Path submission;

        @Option(names = "--batch", paramLabel = "DIR", required = true,
                description = "A folder of submissions: grades every subfolder, one result folder each under --out.")
        Path batch;
    }


    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where results go (default: target/<submission folder name>).")
    Path out;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "hidden",
            description = "hidden (the grade) or public (the students' own tests). Default: ${DEFAULT-VALUE}.")
    String suite;

    @Option(names = "--base", paramLabel = "DIR",
            description = "Take every task file the submission lacks from DIR (a reference tree): for bundled "
                    + "samples that hold only the files they change. Never needed for real submissions.")
    Path base;

    @Option(names = "--java-home", paramLabel = "DIR",
            description = "The JDK that runs the tests (default: the one running the grader).")
    Path javaHome;

    @Option(names = "--task-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Wall-clock limit for one task's test JVM. Default: ${DEFAULT-VALUE}.")
    int taskTimeout;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Limit for one test; a test past it fails as timed out. Default: ${DEFAULT-VALUE}.")
    int testTimeout;

    @Option(names = "--heap", paramLabel = "MB", defaultValue = "512",
            description = "Heap limit of the test JVM. Default: ${DEFAULT-VALUE}.")
    int heapMb;

    private final PrintWriter out0;
    private final PrintWriter err;

    GradeCommand(PrintWriter out, PrintWriter err) {
        this.out0 = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        RunLimits limits = limits();
        if (!suite.equals("hidden") && !suite.equals("public")) {
            throw new ParameterException(spec.commandLine(), "--suite must be hidden or public, not '" + suite + "'");
        }
        Grader grader = new Grader(SuiteLocator.find(suite), limits, err);
        if (target.submission != null) {
            Path dir = existingFolder(target.submission, "--submission");
            Path outDir = out != null ? out : Path.of("target", name(dir));
            GradeResult result = grader.grade(dir, baseFolder(), outDir);
            out0.print(ScoreTable.render(result));
            out0.println("Feedback: " + outDir.resolve("report.md"));
            return 0;
        }
        Path batch = existingFolder(target.batch, "--batch");
        Path outDir = out != null ? out : Path.of("target", name(batch));
        List<Path> submissions;
        try (Stream<Path> entries = Files.list(batch)) {
            submissions = entries.filter(Files::isDirectory).sorted().toList();
        }
        List<String> summary = new ArrayList<>();
        for (Path submission : submissions) {
            GradeResult result = grader.grade(submission, baseFolder(), outDir.resolve(name(submission)));
            out0.print(ScoreTable.render(result));
            summary.add(String.format(Locale.ROOT, "%-28s %3d / %-3d %s", name(submission), result.score(),
                    result.maxScore(), statuses(result)));
        }
        out0.println("Graded " + submissions.size() + " submissions into " + outDir + ":");
        summary.forEach(out0::println);
        return 0;
    }

    private static String statuses(GradeResult result) {
        return String.join(" ", result.tasks().stream().map(t -> t.id() + "=" + t.status()).toList());
    }

    private RunLimits limits() {
        if (taskTimeout <= testTimeout || testTimeout < 1 || heapMb < 64) {
            throw new ParameterException(spec.commandLine(),
                    "--task-timeout must exceed --test-timeout (>= 1 s) and --heap must be at least 64 MB");
        }
        RunLimits limits = RunLimits.defaults()
                .withWallClock(Duration.ofSeconds(taskTimeout))
                .withTestTimeout(Duration.ofSeconds(testTimeout));
        limits = new RunLimits(limits.javaHome(), limits.wallClock(), limits.testTimeout(), heapMb,
                limits.outputBytes());
        if (javaHome != null) {
            if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
                throw new ParameterException(spec.commandLine(), "--java-home " + javaHome + " holds no bin/java");
            }
            limits = limits.withJavaHome(javaHome);
        }
        return limits;
    }

    private java.util.Optional<Path> baseFolder() {
        return base == null ? java.util.Optional.empty() : java.util.Optional.of(existingFolder(base, "--base"));
    }

    private Path existingFolder(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), option + " " + dir + " is not a folder");
        }
        return dir.toAbsolutePath().normalize();
    }

    private static String name(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "submission" : name.toString();
    }
}
