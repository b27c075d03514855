package lockstep.template;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./grade export-template OUT}: writes the repository students get. */
@Command(name = "export-template", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Writes the student template into OUT: the starter (stubs, public tests, the student README as the root "
                + "README), the lockstep-api module, a root pom that builds only those two, the Maven Wrapper, a "
                + ".gitignore and a GitHub Actions self-check workflow that shows the score table of every push.",
            "Never the solutions, the hidden tests or the grader. Push OUT to a new repository and mark it as a "
                + "template (or use it as a GitHub Classroom starter)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the template was written",
            "1:writing it failed",
            "2:usage error: OUT is not free, or the repository is not an instructor repository"})
public final class ExportTemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The template's folder: must not exist, or be empty.")
    Path out;

    @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
            description = "The instructor repository's root. Default: the current folder.")
    Path repository;

    private final PrintWriter stdout;
    private final TemplateExporter exporter = new TemplateExporter();

    /** A command that reports on {@code out}; picocli reports usage errors on its own error stream. */
    public ExportTemplateCommand(PrintWriter out) {
        this.stdout = out;
    }

    @Override
    public Integer call() throws IOException {
        TemplateExport export;
        try {
            export = exporter.export(repository, out);
        } catch (TemplateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        stdout.println("Exported the student template to " + export.root() + " (" + export.files().size()
                + " files).");
        stdout.println("Check it as a student would: cd " + export.root() + " && ./mvnw verify "
                + "(it fails, with a score table, until the tasks are done).");
        return 0;
    }
}
