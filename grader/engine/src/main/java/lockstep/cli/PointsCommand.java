package lockstep.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lockstep.suite.PointsTable;
import lockstep.suite.SuiteLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./grade points}: prints a suite's points table, as the README shows it. */
@Command(name = "points", mixinStandardHelpOptions = true,
        description = "Prints the points table of a suite (task, test, points) as Markdown.")
final class PointsCommand implements Callable<Integer> {

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "hidden",
            description = "hidden or public. Default: ${DEFAULT-VALUE}.")
    String suite;

    private final PrintWriter out;

    PointsCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(PointsTable.render(SuiteLocator.find(suite)));
        out.flush();
        return 0;
    }
}
