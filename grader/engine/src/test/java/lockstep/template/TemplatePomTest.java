package lockstep.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The template's root pom: the instructor's, less the modules, dependencies, plugins and properties students lack. */
class TemplatePomTest {

    static final Path REPO = Path.of(System.getProperty("lockstep.repository", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static final String PARENT = """
              <parent>
                <groupId>dev.example</groupId>
                <artifactId>course-parent</artifactId>
                <version>2.0</version>
              </parent>
            """;

    private void module(String path, String artifactId, String dependencies) throws IOException {
        Files.createDirectories(dir.resolve(path));
        Files.writeString(dir.resolve(path).resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                %s  <artifactId>%s</artifactId>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(PARENT, artifactId, dependencies));
    }

    private static String dependency(String groupId, String artifactId) {
        return "    <dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                + "</artifactId></dependency>\n";
    }

    private Path smallRepository() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <groupId>dev.example</groupId>
                  <artifactId>course-parent</artifactId>
                  <version>2.0</version>
                  <name>Course</name>
                  <description>Kit, solutions and grader.</description>
                  <modules>
                    <module>grader/api</module>
                    <module>starter</module>
                    <module>solutions</module>
                    <module>grader/engine</module>
                  </modules>
                  <properties>
                    <junit.version>6.1.3</junit.version>
                    <!-- The command line. -->
                    <picocli.version>4.7.7</picocli.version>
                    <jacoco.version>0.8.15</jacoco.version>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>${junit.version}</version>
                        <type>pom</type><scope>import</scope>
                      </dependency>
                      <dependency>
                        <groupId>com.fasterxml.jackson</groupId><artifactId>jackson-bom</artifactId><version>2</version>
                        <type>pom</type><scope>import</scope>
                      </dependency>
                      <!-- Parses the command line. -->
                      <dependency>
                        <groupId>info.picocli</groupId><artifactId>picocli</artifactId><version>${picocli.version}</version>
                      </dependency>
                      <dependency>
                        <groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2</version>
                      </dependency>
                      <dependency>
                        <groupId>dev.example</groupId><artifactId>api</artifactId><version>2.0</version>
                      </dependency>
                      <dependency>
                        <groupId>dev.example</groupId><artifactId>solutions</artifactId><version>2.0</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                        <plugin>
                          <groupId>org.jacoco</groupId><artifactId>jacoco-maven-plugin</artifactId><version>${jacoco.version}</version>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin><groupId>org.jacoco</groupId><artifactId>jacoco-maven-plugin</artifactId></plugin>
                    </plugins>
                  </build>
                </project>
                """);
        module("grader/api", "api", dependency("org.junit.jupiter", "junit-jupiter-api"));
        module("starter", "starter", dependency("dev.example", "api"));
        module("solutions", "solutions", dependency("dev.example", "api"));
        module("grader/engine", "engine", dependency("info.picocli", "picocli")
                + dependency("com.fasterxml.jackson.core", "jackson-databind") + dependency("dev.example", "solutions"));
        return dir;
    }

    @Test
    void dropsTheInstructorsModulesArtifactsAndPluginsAndKeepsTheLayout() throws Exception {
        String pom = TemplatePom.rewrite(new InstructorRepository(smallRepository()));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <groupId>dev.example</groupId>
                  <artifactId>course-parent</artifactId>
                  <version>2.0</version>
                  <name>%s</name>
                  <description>%s</description>
                  <modules>
                    <module>grader/api</module>
                    <module>starter</module>
                  </modules>
                  <properties>
                    <junit.version>6.1.3</junit.version>
                    <!-- The command line. -->
                    <picocli.version>4.7.7</picocli.version>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>${junit.version}</version>
                        <type>pom</type><scope>import</scope>
                      </dependency>
                      <dependency>
                        <groupId>com.fasterxml.jackson</groupId><artifactId>jackson-bom</artifactId><version>2</version>
                        <type>pom</type><scope>import</scope>
                      </dependency>
                      <!-- Parses the command line. -->
                      <dependency>
                        <groupId>info.picocli</groupId><artifactId>picocli</artifactId><version>${picocli.version}</version>
                      </dependency>
                      <dependency>
                        <groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2</version>
                      </dependency>
                      <dependency>
                        <groupId>dev.example</groupId><artifactId>api</artifactId><version>2.0</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                    </plugins>
                  </build>
                </project>
                """.formatted(TemplatePom.NAME, TemplatePom.DESCRIPTION), pom);
    }

    @Test
    void refusesARootPomThatDoesNotBuildTheTemplateModules() throws Exception {
        smallRepository();
        Path root = dir.resolve("pom.xml");
        Files.writeString(root, Files.readString(root).replace("<module>starter</module>", ""));
        TemplateException refused = assertThrows(TemplateException.class,
                () -> TemplatePom.rewrite(new InstructorRepository(dir)));
        assertTrue(refused.getMessage().contains("does not build the modules [grader/api, starter]"),
                refused.getMessage());
    }

    @Test
    void refusesAModuleWhoseParentIsNotTheRootPom() throws Exception {
        smallRepository();
        Path starter = dir.resolve("starter/pom.xml");
        Files.writeString(starter, Files.readString(starter).replace("<version>2.0</version>", "<version>1.9</version>"));
        TemplateException refused = assertThrows(TemplateException.class,
                () -> TemplatePom.rewrite(new InstructorRepository(dir)));
        assertEquals("starter/pom.xml has parent dev.example:course-parent:1.9, not the root pom "
                + "dev.example:course-parent:2.0", refused.getMessage());
    }

    @Test
    void refusesAPomThatIsNotWellFormed() throws Exception {
        smallRepository();
        Files.writeString(dir.resolve("pom.xml"), "<project><modules></project>");
        TemplateException refused = assertThrows(TemplateException.class,
                () -> TemplatePom.rewrite(new InstructorRepository(dir)));
        assertTrue(refused.getMessage().startsWith(dir.resolve("pom.xml") + ":1:21: not well-formed XML: The element "
                + "type \"modules\" must be terminated"), refused.getMessage());
    }

    @Test
    void refusesADoctypeRatherThanLoadingIt() throws Exception {
        smallRepository();
        Files.writeString(dir.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]>\n<project>&x;</project>");
        TemplateException refused = assertThrows(TemplateException.class,
                () -> TemplatePom.rewrite(new InstructorRepository(dir)));
        assertTrue(refused.getMessage().contains("DOCTYPE is disallowed"), refused.getMessage());
    }

    @Test
    void theRealTemplatePomBuildsOnlyTheStarterAndTheApi() throws Exception {
        Element template = parse(TemplatePom.rewrite(InstructorRepository.at(REPO)));
        Element instructor = PomXml.read(REPO.resolve("pom.xml")).getDocumentElement();
        for (String coordinate : List.of("groupId", "artifactId", "version", "packaging")) {
            assertEquals(PomXml.text(instructor, coordinate, ""), PomXml.text(template, coordinate, ""), coordinate);
        }
        assertEquals(List.of("grader/api", "starter"), texts(PomXml.child(template, "modules").orElseThrow(), "module"));
    }

    @Test
    void theRealTemplatePomManagesNoneOfTheInstructorsArtifacts() throws Exception {
        Element template = parse(TemplatePom.rewrite(InstructorRepository.at(REPO)));
        Set<String> managed = managedDependencies(template);
        assertTrue(managed.contains("dev.lockstep:lockstep-api:${project.version}"), managed.toString());
        for (String instructorOnly : List.of("solutions", "lockstep-hidden", "lockstep-grader", "starter")) {
            assertFalse(managed.stream().anyMatch(key -> key.startsWith("dev.lockstep:" + instructorOnly + ":")),
                    instructorOnly + " is still managed: " + managed);
        }
    }

    @Test
    void theRealTemplatePomPinsEveryThirdPartyVersionTheInstructorsDoes() throws Exception {
        Set<String> template = managedDependencies(parse(TemplatePom.rewrite(InstructorRepository.at(REPO))));
        Set<String> instructor = managedDependencies(PomXml.read(REPO.resolve("pom.xml")).getDocumentElement());
        instructor.removeIf(key -> key.startsWith("dev.lockstep:"));
        assertFalse(instructor.isEmpty());
        assertTrue(template.containsAll(instructor), "the template lost a version pin: " + instructor + " vs "
                + template);
    }

    @Test
    void theRealTemplatePomKeepsEveryPluginVersionButJacoco() throws Exception {
        Element template = parse(TemplatePom.rewrite(InstructorRepository.at(REPO)));
        Element instructor = PomXml.read(REPO.resolve("pom.xml")).getDocumentElement();
        List<String> expected = new ArrayList<>(managedPlugins(instructor));
        expected.removeIf(plugin -> plugin.startsWith("jacoco-maven-plugin:"));
        assertEquals(expected, managedPlugins(template));
        String text = TemplatePom.rewrite(InstructorRepository.at(REPO));
        assertFalse(text.contains("jacoco"), "the template still mentions JaCoCo:\n" + text);
    }

    @Test
    void theRealTemplatePomNamesNothingInstructorOnly() throws Exception {
        String text = TemplatePom.rewrite(InstructorRepository.at(REPO));
        for (String word : List.of("solutions", "hidden", "engine", "lockstep-grader", "jacoco")) {
            assertFalse(text.contains(word), "the template pom names " + word + ":\n" + text);
        }
    }

    private static Set<String> managedDependencies(Element project) {
        Set<String> managed = new TreeSet<>();
        Element dependencies = PomXml.path(project, "dependencyManagement", "dependencies").orElseThrow();
        for (Element dependency : PomXml.children(dependencies, "dependency")) {
            managed.add(PomXml.text(dependency, "groupId", "") + ":" + PomXml.text(dependency, "artifactId", "") + ":"
                    + PomXml.text(dependency, "version", ""));
        }
        return managed;
    }

    private static List<String> managedPlugins(Element project) {
        List<String> plugins = new ArrayList<>();
        Element list = PomXml.path(project, "build", "pluginManagement", "plugins").orElseThrow();
        for (Element plugin : PomXml.children(list, "plugin")) {
            plugins.add(PomXml.text(plugin, "artifactId", "") + ":" + PomXml.text(plugin, "version", ""));
        }
        return plugins;
    }

    private static List<String> texts(Element parent, String name) {
        return PomXml.children(parent, name).stream().map(element -> element.getTextContent().strip()).toList();
    }

    private Element parse(String pom) throws Exception {
        Path file = Files.writeString(dir.resolve("template-pom.xml"), pom);
        Document document = PomXml.read(file);
        return document.getDocumentElement();
    }
}
