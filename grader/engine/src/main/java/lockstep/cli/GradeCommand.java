package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import lockstep.batch.BatchGrading;
import lockstep.collect.Task;
import lockstep.grade.Grader;
import lockstep.gradebook.GradebookEntry;
import lockstep.gradebook.MarkdownGradebookWriter;
import lockstep.model.GradeResult;
import lockstep.model.ScoreTable;
import lockstep.report.Format;
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
        subcommandsRepeatable = false,
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

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where results go (default: target/<submission or batch folder name>).")
    Path out;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "hidden",
            description = "hidden (the grade) or public (the students' own tests). Default: ${DEFAULT-VALUE}.")
    String suite;

    @Option(names = "--task", paramLabel = "TASK",
            description = "Grade only this task (launch, race or locks); repeatable. Default: every task.")
    List<String> taskIds = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Report formats, repeatable or comma-separated: ${COMPLETION-CANDIDATES}. "
                    + "result.json is always written. Default: json, md, console.")
    List<Format> formats = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N",
            description = "With --batch: submissions graded at once. Default: one per core, as many as the memory "
                    + "holds at twice --heap each; stress runs take turns, so each has the cores it needs.")
    Integer jobs;

    @Option(names = "--regrade",
            description = "With --batch: grade again submissions that already have a result.json in --out.")
    boolean regrade;

    @Option(names = "--base", paramLabel = "DIR",
            description = "Take every task file the submission lacks from DIR (a reference tree): for bundled "
                    + "samples that hold only the files they change. Never needed for real submissions.")
    Path base;

    @Option(names = "--java-home", paramLabel = "DIR",
            description = "The JDK that runs the tests (default: the one running the grader).")
    Path javaHome;

    @Option(names = "--task-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Wall-clock limit for one task's tests, from its first test. Default: ${DEFAULT-VALUE}.")
    int taskTimeout;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Limit for one test; a test past it fails as timed out. Default: ${DEFAULT-VALUE}.")
    int testTimeout;

    @Option(names = "--heap", paramLabel = "MB", defaultValue = "512",
            description = "Heap limit of the test JVM. Default: ${DEFAULT-VALUE}.")
    int heapMb;

    @Option(names = "--jvm-per-task",
            description = "Run each task's tests in a test JVM of its own (slower) instead of one test JVM per"
                    + " submission.")
    boolean jvmPerTask;

    private final PrintWriter out0;
    private final PrintWriter err;

    GradeCommand(PrintWriter out, PrintWriter err) {
        this.out0 = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (target == null) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required argument: --submission DIR or --batch DIR (or a subcommand)");
        }
        RunLimits limits = limits();
        if (!suite.equals("hidden") && !suite.equals("public")) {
            throw new ParameterException(spec.commandLine(), "--suite must be hidden or public, not '" + suite + "'");
        }
        Set<Task> tasks = EnumSet.noneOf(Task.class);
        for (String id : taskIds) {
            tasks.add(Task.byId(id).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--task must be launch, race or locks, not '" + id + "'")));
        }
        Set<Format> chosen = formats.isEmpty() ? EnumSet.of(Format.JSON, Format.MD, Format.CONSOLE)
                : EnumSet.copyOf(formats);
        if (jobs != null && jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        Optional<Path> reference = baseFolder();
        Grader grader = new Grader(SuiteLocator.find(suite), limits, tasks, err);
        if (jvmPerTask) {
            grader = grader.withJvmPerTask();
        }
        if (target.submission != null) {
            Path dir = existingFolder(target.submission, "--submission");
            Path outDir = out != null ? out : Path.of("target", name(dir));
            GradeResult result = grader.grade(dir, reference);
            long rendering = System.nanoTime();
            Format.renderAll(result, chosen, outDir, out0, System.getenv());
            err.printf("  reports rendered in %d ms%n", (System.nanoTime() - rendering) / 1_000_000);
            err.flush();
            if (!chosen.contains(Format.AUTOLAB)) {
                out0.println("Results: " + outDir.toAbsolutePath().normalize());
            }
            return 0;
        }
        Path batch = existingFolder(target.batch, "--batch");
        Path outDir = out != null ? out : Path.of("target", name(batch));
        int jobCount = jobs != null ? jobs : BatchGrading.defaultJobs(heapMb);
        if (jobCount > Runtime.getRuntime().availableProcessors()) {
            err.println("lockstep: " + jobCount + " jobs on " + Runtime.getRuntime().availableProcessors()
                    + " cores: stress verdicts that cannot be trusted will be marked inconclusive");
        }
        List<GradebookEntry> gradebook = new BatchGrading(grader, chosen, jobCount, regrade)
                .grade(BatchGrading.submissions(batch), reference, outDir,
                        BatchGrading.Progress.to(out0, System.console() != null));
        if (chosen.contains(Format.CONSOLE)) {
            gradebook.forEach(entry -> entry.result().ifPresent(result -> out0.print(ScoreTable.render(result))));
        }
        out0.print(MarkdownGradebookWriter.render(gradebook));
        out0.println("Gradebook: " + outDir.toAbsolutePath().normalize().resolve("index.html"));
        return 0;
    }

    private RunLimits limits() {
        if (taskTimeout <= testTimeout || testTimeout < 1 || heapMb < 64) {
            throw new ParameterException(spec.commandLine(),
                    "--task-timeout must exceed --test-timeout (>= 1 s) and --heap must be at least 64 MB");
        }
        RunLimits limits = RunLimits.defaults()
                .withWallClock(Duration.ofSeconds(taskTimeout))
                .withTestTimeout(Duration.ofSeconds(testTimeout));
        limits = limits.withHeapMb(heapMb);
        if (javaHome != null) {
            if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
                throw new ParameterException(spec.commandLine(), "--java-home " + javaHome + " holds no bin/java");
            }
            limits = limits.withJavaHome(javaHome);
        }
        return limits;
    }

    private Optional<Path> baseFolder() {
        return base == null ? Optional.empty() : Optional.of(existingFolder(base, "--base"));
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
