package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lockstep.batch.BatchGrading;
import lockstep.gradebook.GradebookEntry;
import lockstep.gradebook.GradebookWriter;
import lockstep.gradebook.MarkdownGradebookWriter;
import lockstep.report.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade gradebook}: builds the gradebook from result folders graded elsewhere (one job per student in
 * GitHub Actions): each student's folder holds {@code result.json}, or {@code problem.txt} saying why there is no
 * grade. Renders only; runs no test.
 */
@Command(name = "gradebook", mixinStandardHelpOptions = true,
        description = "Builds gradebook.csv, gradebook.md and index.html from a folder of per-student results.")
final class GradebookCommand implements Callable<Integer> {

    static final String PROBLEM = "problem.txt";

    @Spec
    CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", required = true,
            description = "One folder per student, each with result.json or problem.txt.")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the gradebook goes.")
    Path out;

    private final PrintWriter stdout;

    GradebookCommand(PrintWriter stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(results)) {
            throw new ParameterException(spec.commandLine(), "--results " + results + " is not a folder");
        }
        List<GradebookEntry> entries = new ArrayList<>();
        for (Path student : BatchGrading.submissions(results)) {
            entries.add(entry(student));
        }
        GradebookWriter.write(entries, out);
        stdout.print(MarkdownGradebookWriter.render(entries));
        stdout.println("Gradebook: " + out.toAbsolutePath().normalize().resolve("index.html"));
        stdout.flush();
        return 0;
    }

    private static GradebookEntry entry(Path folder) {
        String student = folder.getFileName().toString();
        Path result = folder.resolve(ResultJson.FILE);
        try {
            if (Files.isRegularFile(result)) {
                return GradebookEntry.graded(student, ResultJson.read(result));
            }
            Path problem = folder.resolve(PROBLEM);
            if (Files.isRegularFile(problem)) {
                return GradebookEntry.ungraded(student, Files.readString(problem, StandardCharsets.UTF_8).strip());
            }
            return GradebookEntry.ungraded(student, "no result: grading did not finish for this student");
        } catch (IOException | RuntimeException e) {
            return GradebookEntry.ungraded(student, "unreadable result.json: " + e.getMessage());
        }
    }
}
