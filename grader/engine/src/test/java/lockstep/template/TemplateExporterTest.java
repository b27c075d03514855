package lockstep.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The student template as exported from the real instructor repository, and what the exporter refuses. */
class TemplateExporterTest {

    static final Path REPO = TemplatePomTest.REPO;

    /** Every file of a template lies below one of these (a folder ends with /). */
    static final List<String> TEMPLATE_PATHS = List.of("pom.xml", "README.md", ".gitignore", "mvnw", "mvnw.cmd",
            ".mvn/wrapper/", "starter/pom.xml", "starter/src/main/", "starter/src/test/", "grader/api/pom.xml",
            "grader/api/src/main/", ".github/workflows/self-check.yml", ".github/scripts/score-summary.sh");

    @TempDir
    Path dir;

    private final TemplateExporter exporter = new TemplateExporter();

    private TemplateExport export() throws Exception {
        return exporter.export(REPO, dir.resolve("template"));
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        for (Path file : Secrets.files(root)) {
            files.add(root.relativize(file).toString().replace('\\', '/'));
        }
        return files;
    }

    @Test
    void exportsOnlyTheStarterTheApiTheWrapperAndItsOwnFiles() throws Exception {
        TemplateExport export = export();
        List<String> files = relativeFiles(export.root());
        assertEquals(files.stream().sorted().toList(), export.files().stream().sorted().toList());
        for (String file : files) {
            assertTrue(TEMPLATE_PATHS.stream().anyMatch(path -> path.endsWith("/") ? file.startsWith(path)
                    : file.equals(path)), file + " is not part of a template");
        }
        for (String path : TEMPLATE_PATHS) {
            assertTrue(files.stream().anyMatch(file -> file.startsWith(path)), "the template lacks " + path);
        }
    }

    @Test
    void copiesEveryStarterAndApiSourceAsItIs() throws Exception {
        Path template = export().root();
        int copied = 0;
        for (String folder : List.of("starter/src/main", "starter/src/test", "grader/api/src/main")) {
            for (Path source : Secrets.files(REPO.resolve(folder))) {
                Path copy = template.resolve(REPO.relativize(source));
                assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(copy), copy.toString());
                copied++;
            }
        }
        assertTrue(copied > 20, "only " + copied + " sources");
        assertArrayEquals(Files.readAllBytes(REPO.resolve("starter/pom.xml")),
                Files.readAllBytes(template.resolve("starter/pom.xml")));
        assertArrayEquals(Files.readAllBytes(REPO.resolve(".mvn/wrapper/maven-wrapper.properties")),
                Files.readAllBytes(template.resolve(".mvn/wrapper/maven-wrapper.properties")));
    }

    @Test
    void theStudentReadmeBecomesTheRootReadme() throws Exception {
        assertEquals(Files.readString(REPO.resolve("starter/README.md")),
                Files.readString(export().root().resolve("README.md")));
    }

    @Test
    void theWrapperAndTheSummaryScriptStayExecutable() throws Exception {
        Path template = export().root();
        for (String script : TemplateLayout.EXECUTABLE) {
            assertTrue(Files.getPosixFilePermissions(template.resolve(script))
                    .contains(PosixFilePermission.OWNER_EXECUTE), script);
        }
        assertFalse(Files.isExecutable(template.resolve("pom.xml")));
    }

    @Test
    void theTemplateCarriesTheSelfCheckWorkflowAndAGitignore() throws Exception {
        Path template = export().root();
        assertEquals(TemplateLayout.resource("self-check.yml"),
                Files.readString(template.resolve(".github/workflows/self-check.yml")));
        assertTrue(Files.readString(template.resolve(".gitignore")).contains("target/"));
    }

    @Test
    void noHiddenTestAndNoSolutionReachesTheTemplate() throws Exception {
        Secrets secrets = Secrets.of(REPO);
        assertTrue(secrets.hiddenClassNames().contains("BankHiddenTest"), secrets.hiddenClassNames().toString());
        assertTrue(secrets.fileCount() >= 10, "only " + secrets.fileCount() + " secret files were read");
        Path template = export().root();
        assertEquals(List.of(), secrets.findIn(template));
        for (String file : relativeFiles(template)) {
            for (String word : List.of("solutions/", "hidden/", "engine/")) {
                assertFalse(file.contains(word), file);
            }
        }
    }

    @Test
    void theLeakScanFindsAPlantedSolutionAndAPlantedHiddenTest() throws Exception {
        Path template = export().root();
        Files.copy(REPO.resolve("solutions/src/main/java/exercises/locks/Bank.java"),
                template.resolve("starter/src/main/java/exercises/locks/Bank.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path hidden;
        try (Stream<Path> walk = Files.walk(REPO.resolve("grader/hidden/src/test/java"))) {
            hidden = walk.filter(file -> file.getFileName().toString().equals("BankHiddenTest.java")).findFirst()
                    .orElseThrow();
        }
        Files.copy(hidden, template.resolve("starter/src/test/java/exercises/locks/Planted.java"));
        List<String> found = Secrets.of(REPO).findIn(template);
        assertTrue(found.contains("starter/src/main/java/exercises/locks/Bank.java: holds the whole of solution "
                + "solutions/src/main/java/exercises/locks/Bank.java"), found.toString());
        assertTrue(found.contains("starter/src/test/java/exercises/locks/Planted.java: names the hidden class "
                + "BankHiddenTest"), found.toString());
    }

    @Test
    void noExportedPomBuildsOrUsesAnInstructorModule() throws Exception {
        Path template = export().root();
        for (String pom : List.of("pom.xml", "starter/pom.xml", "grader/api/pom.xml")) {
            Element project = PomXml.read(template.resolve(pom)).getDocumentElement();
            List<String> modules = PomXml.child(project, "modules")
                    .map(list -> PomXml.children(list, "module").stream()
                            .map(module -> module.getTextContent().strip()).toList())
                    .orElse(List.of());
            assertEquals(pom.equals("pom.xml") ? List.of("grader/api", "starter") : List.of(), modules, pom);
            String text = Files.readString(template.resolve(pom));
            for (String artifact : List.of("<artifactId>solutions<", "<artifactId>lockstep-hidden<",
                    "<artifactId>lockstep-grader<")) {
                assertFalse(text.contains(artifact), pom + " names " + artifact);
            }
        }
    }

    @Test
    void exportsIntoAnEmptyFolderAndRefusesOneThatIsNot() throws Exception {
        Path out = Files.createDirectories(dir.resolve("empty"));
        assertEquals(out, exporter.export(REPO, out).root());
        TemplateException refused = assertThrows(TemplateException.class, () -> exporter.export(REPO, out));
        assertEquals(out + " is not empty: name a new or empty folder", refused.getMessage());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        refused = assertThrows(TemplateException.class, () -> exporter.export(REPO, file));
        assertTrue(refused.getMessage().contains("is not a folder"), refused.getMessage());
    }

    @Test
    void refusesAFolderThatIsNotAnInstructorRepository() throws Exception {
        Path notARepository = Files.createDirectories(dir.resolve("student"));
        Files.writeString(notARepository.resolve("pom.xml"), "<project/>");
        TemplateException refused = assertThrows(TemplateException.class,
                () -> exporter.export(notARepository, dir.resolve("out")));
        assertTrue(refused.getMessage().startsWith(notARepository + " is not a Lockstep instructor repository: it "
                + "lacks mvnw, mvnw.cmd, .mvn/wrapper/maven-wrapper.properties, starter/pom.xml"), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
        refused = assertThrows(TemplateException.class, () -> exporter.export(dir.resolve("nowhere"), dir.resolve("o")));
        assertTrue(refused.getMessage().endsWith("nowhere is not a folder"), refused.getMessage());
    }

    @Test
    void refusesASymbolicLinkAndLeavesNothingBehind() throws Exception {
        Path repository = copyOfRepository();
        Files.createSymbolicLink(repository.resolve("starter/src/main/java/exercises/locks/Reference.java"),
                repository.resolve("solutions/src/main/java/exercises/locks/Bank.java"));
        TemplateException refused = assertThrows(TemplateException.class,
                () -> exporter.export(repository, dir.resolve("out/template")));
        assertEquals("starter/src/main/java/exercises/locks/Reference.java is a symbolic link or a special file: "
                + "the template copies regular files only, so that nothing outside the starter and the API can slip in",
                refused.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void refusesToExportIntoAFolderItCopies() throws Exception {
        TemplateException refused = assertThrows(TemplateException.class,
                () -> exporter.export(REPO, REPO.resolve("starter/src/test/template")));
        assertTrue(refused.getMessage().contains("is inside starter/src/test, which the template copies"),
                refused.getMessage());
    }

    @Test
    void refusesARepositoryWithoutAStudentReadme() throws Exception {
        Path repository = copyOfRepository();
        Files.delete(repository.resolve("starter/README.md"));
        TemplateException refused = assertThrows(TemplateException.class,
                () -> exporter.export(repository, dir.resolve("template")));
        assertEquals(repository + " is not a Lockstep instructor repository: it lacks starter/README.md (pass its "
                + "root folder with --repository)", refused.getMessage());
    }

    /** The parts of the real repository the exporter reads, in a folder of this test's own. */
    private Path copyOfRepository() throws IOException {
        Path copy = dir.resolve("repository");
        for (String part : List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper", "starter/pom.xml", "starter/README.md",
                "starter/src", "grader/api/pom.xml", "grader/api/src/main", "solutions/pom.xml", "solutions/src",
                "grader/hidden/pom.xml", "grader/engine/pom.xml")) {
            for (Path source : Files.isDirectory(REPO.resolve(part)) ? Secrets.files(REPO.resolve(part))
                    : Files.exists(REPO.resolve(part)) ? List.of(REPO.resolve(part)) : List.<Path>of()) {
                Path target = copy.resolve(REPO.relativize(source));
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
        return copy;
    }
}
