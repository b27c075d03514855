package lockstep.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules STYLE.md sets for workflows, checked on their text: actions pinned to a commit with the version in a
 * comment, read-only permissions, no persisted credentials, superseded runs cancelled, Maven in batch mode and cached,
 * no expression expanded inside a script, and every script a workflow calls present and strict.
 */
class WorkflowRulesTest {

    private static final Pattern USES = Pattern.compile("(?m)^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("([\\w.-]+/[\\w./-]+)@([0-9a-f]{40})");
    private static final Pattern VERSION_COMMENT = Pattern.compile("\\s+# v\\d+(\\.\\d+){0,2}\\s*");
    private static final Pattern SCRIPT = Pattern.compile("(grader/github|\\.github/scripts)/[\\w.-]+\\.sh");

    private interface Check {
        void on(String name, String text) throws Exception;
    }

    private static void eachWorkflow(Check check) throws Exception {
        for (Path file : Workflows.all()) {
            check.on(Workflows.name(file), Files.readString(file));
        }
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersionInAComment() throws Exception {
        Map<String, Set<String>> pins = new HashMap<>();
        eachWorkflow((name, text) -> {
            Matcher uses = USES.matcher(text);
            while (uses.find()) {
                if (uses.group(1).startsWith("./")) {
                    continue;
                }
                Matcher pinned = PINNED.matcher(uses.group(1));
                assertTrue(pinned.matches(), name + ": " + uses.group().strip() + " is not pinned to a commit");
                assertTrue(VERSION_COMMENT.matcher(uses.group(2)).matches(),
                        name + ": " + uses.group().strip() + " lacks its version as a comment (# vX.Y.Z)");
                pins.computeIfAbsent(pinned.group(1), action -> new TreeSet<>()).add(pinned.group(2) + uses.group(2));
            }
        });
        assertTrue(pins.keySet().containsAll(Set.of("actions/checkout", "actions/setup-java",
                "actions/upload-artifact", "actions/download-artifact")), pins.keySet().toString());
        pins.forEach((action, versions) -> assertEquals(1, versions.size(), action + " is pinned differently: "
                + versions));
    }

    @Test
    void everyWorkflowIsReadOnlyByDefaultAndAsksForNoWritePermission() throws Exception {
        eachWorkflow((name, text) -> {
            assertTrue(text.contains("\npermissions:\n  contents: read\n"), name + " has no read-only permissions");
            assertTrue(Pattern.compile(":\\s*write\\b").matcher(text).results().findAny().isEmpty(),
                    name + " asks for a write permission");
        });
    }

    @Test
    void everyCheckoutLeavesNoCredentialsBehind() throws Exception {
        eachWorkflow((name, text) -> {
            long checkouts = Pattern.compile("uses: actions/checkout@").matcher(text).results().count();
            long withoutCredentials = Pattern.compile("\n\\s+persist-credentials: false\n").matcher(text).results()
                    .count();
            assertTrue(checkouts > 0, name + " checks nothing out");
            assertEquals(checkouts, withoutCredentials, name + ": a checkout keeps its credentials");
        });
    }

    @Test
    void everyWorkflowStartedByAnEventCancelsTheRunItSupersedes() throws Exception {
        eachWorkflow((name, text) -> {
            if (text.contains("\n  workflow_call:\n")) {
                return; // a called workflow runs inside its caller's concurrency group
            }
            assertTrue(text.contains("\nconcurrency:\n  group: "), name + " has no concurrency group");
            assertTrue(text.contains("\n  cancel-in-progress: true\n"), name + " does not cancel superseded runs");
        });
    }

    @Test
    void mavenRunsInBatchModeWithItsVersionAndACache() throws Exception {
        eachWorkflow((name, text) -> {
            boolean runsMaven = false;
            for (String script : scripts(text)) {
                Matcher maven = Pattern.compile("\\./mvnw\\b[^\n]*").matcher(script);
                while (maven.find()) {
                    runsMaven = true;
                    assertTrue(maven.group().startsWith("./mvnw -B -V "), name + ": " + maven.group());
                }
            }
            assertTrue(!runsMaven || Pattern.compile("\n\\s+cache: maven\n").matcher(text).find(),
                    name + " runs Maven without caching its repository");
        });
    }

    @Test
    void noScriptExpandsAnExpressionItMustReadFromTheEnvironment() throws Exception {
        eachWorkflow((name, text) -> {
            for (String script : scripts(text)) {
                assertTrue(!script.contains("${{"), name + ": a run step expands an expression (pass it through env:"
                        + " instead):\n" + script);
            }
        });
    }

    @Test
    void everyScriptAWorkflowCallsExistsAndIsStrict() throws Exception {
        Set<String> called = new TreeSet<>();
        eachWorkflow((name, text) -> SCRIPT.matcher(text).results().forEach(match -> called.add(match.group())));
        assertTrue(called.containsAll(Set.of("grader/github/list-repos.sh", "grader/github/checkout-at-deadline.sh",
                "grader/github/grade-student.sh", "grader/github/build-gradebook.sh", "grader/github/deadline.sh",
                ".github/scripts/score-summary.sh")), called.toString());
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> list = Files.list(Workflows.REPO.resolve("grader/github"))) {
            list.filter(file -> file.toString().endsWith(".sh")).forEach(scripts::add);
        }
        scripts.add(Workflows.SELF_CHECK.resolveSibling("score-summary.sh"));
        for (String script : called) {
            String file = script.replace(".github/scripts/", "grader/engine/src/main/resources/lockstep/template/");
            assertTrue(scripts.contains(Workflows.REPO.resolve(file)), script + " does not exist");
        }
        for (Path script : scripts) {
            String text = Files.readString(script);
            assertTrue(text.startsWith("#!/usr/bin/env bash\n"), script + " is not a bash script");
            assertTrue(text.contains("\nset -euo pipefail\n"), script + " does not stop at the first error");
            if (script.startsWith(Workflows.REPO.resolve("grader/github"))) {
                assertTrue(Files.getPosixFilePermissions(script).contains(PosixFilePermission.OWNER_EXECUTE),
                        script + " is not executable");
            }
        }
    }

    /** The text of every {@code run:} step: its inline value and the lines indented under it. */
    private static List<String> scripts(String workflow) {
        List<String> scripts = new ArrayList<>();
        String[] lines = workflow.split("\n");
        Pattern run = Pattern.compile("^(\\s*)(?:-\\s+)?run:\\s*(.*)$");
        for (int i = 0; i < lines.length; i++) {
            Matcher start = run.matcher(lines[i]);
            if (!start.matches()) {
                continue;
            }
            int key = lines[i].indexOf("run:");
            StringBuilder script = new StringBuilder(start.group(2)).append('\n');
            while (i + 1 < lines.length && (lines[i + 1].isBlank()
                    || lines[i + 1].length() - lines[i + 1].stripLeading().length() > key)) {
                script.append(lines[++i]).append('\n');
            }
            scripts.add(script.toString());
        }
        return scripts;
    }
}
