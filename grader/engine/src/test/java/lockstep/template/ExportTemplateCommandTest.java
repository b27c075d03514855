package lockstep.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./grade export-template}: what it prints and its exit codes. */
class ExportTemplateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ExportTemplateCommand(new PrintWriter(out, true)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void exportsAndSaysWhereAndHowToCheckIt(@TempDir Path dir) {
        Path template = dir.resolve("hw1-template");
        assertEquals(0, run("--repository", TemplatePomTest.REPO.toString(), template.toString()), err.toString());
        assertTrue(out.toString().startsWith("Exported the student template to " + template + " ("), out.toString());
        assertTrue(out.toString().contains("cd " + template + " && ./mvnw verify"), out.toString());
        assertTrue(Files.isRegularFile(template.resolve("starter/pom.xml")));
    }

    @Test
    void aFolderThatIsNotFreeIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals(2, run("--repository", TemplatePomTest.REPO.toString(), dir.toString()));
        assertTrue(err.toString().startsWith(dir + " is not empty: name a new or empty folder"), err.toString());
        assertTrue(err.toString().contains("Usage: export-template"), err.toString());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void aRepositoryThatIsNotOneIsAUsageError(@TempDir Path dir) {
        assertEquals(2, run("--repository", dir.toString(), dir.resolve("out").toString()));
        assertTrue(err.toString().contains("is not a Lockstep instructor repository"), err.toString());
    }

    @Test
    void helpNamesTheOutputFolderTheRepositoryOptionAndTheExitCodes() {
        assertEquals(0, run("--help"));
        for (String word : new String[] {"OUT", "--repository", "Never the solutions", "Exit codes"}) {
            assertTrue(out.toString().contains(word), "help lacks " + word + ":\n" + out);
        }
    }
}
