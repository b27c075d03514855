package lockstep.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code ./grade} command line. Takes its streams in the constructor; only {@link #main} exits the JVM.
 * Exit codes: 0 when grading completed (whatever the score), 2 for a usage error, 1 when the grader itself failed.
 */
public final class Main {

    private final PrintWriter out;
    private final PrintWriter err;

    public Main(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command and returns its exit code. */
    public int run(String... args) {
        CommandLine commandLine = new CommandLine(new GradeCommand(out, err));
        commandLine.addSubcommand("points", new PointsCommand(out));
        commandLine.addSubcommand("gradebook", new GradebookCommand(out));
        commandLine.addSubcommand(new lockstep.template.ExportTemplateCommand(out));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            err.println("lockstep: the grader failed: " + exception);
            err.flush();
            return 1;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(new Main(out, err).run(args));
    }
}
