package lockstep.workflows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The workflow files Lockstep ships: the instructor repository's own, and the template's self-check. */
final class Workflows {

    static final Path REPO = ScriptRun.REPO;
    static final Path SELF_CHECK = REPO.resolve("grader/engine/src/main/resources/lockstep/template/self-check.yml");

    private Workflows() {
    }

    /** Every workflow file, sorted, the template's last. */
    static List<Path> all() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(REPO.resolve(".github/workflows"))) {
            list.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")).sorted()
                    .forEach(files::add);
        }
        files.add(SELF_CHECK);
        return files;
    }

    /** How a workflow file is named in a failure message. */
    static String name(Path file) {
        return REPO.relativize(file).toString();
    }
}
