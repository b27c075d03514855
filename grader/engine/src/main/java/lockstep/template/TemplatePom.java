package lockstep.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The template's root pom, made from the instructor's with the DOM: the same coordinates, properties, dependency
 * versions and plugin versions, but only the modules students get ({@value #API} and {@value #STARTER}), and without
 * what belongs to the instructor's side:
 * <ul>
 *   <li>the managed entries of the course's own artifacts that no template module uses (the solutions, the hidden
 *       suite, the grader, the public test jar);</li>
 *   <li>the {@link #INSTRUCTOR_PLUGINS}, from the build and from plugin management;</li>
 *   <li>a {@code *.version} property that nothing left refers to.</li>
 * </ul>
 * Third-party versions stay, even those only the grader declares: a managed version also pins the same artifact where
 * it comes in transitively (lincheck, which the API uses, brings ASM, which the grader pins), so the template resolves
 * exactly the versions the instructor's build tested. Stateless and safe to call from any thread.
 */
final class TemplatePom {

    static final String API = "grader/api";
    static final String STARTER = "starter";
    /** The modules of the template, in build order. */
    static final List<String> MODULES = List.of(API, STARTER);

    /** JaCoCo measures and gates the grader's coverage: the instructor's concern, and a download students skip. */
    static final Set<String> INSTRUCTOR_PLUGINS = Set.of("org.jacoco:jacoco-maven-plugin");

    static final String NAME = "Threads, races and locks";
    static final String DESCRIPTION = "A Java concurrency assignment: start and join threads, make a race visible, "
            + "fix it with locks. ./mvnw verify runs the public tests against your code and ends with a score table.";

    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private TemplatePom() {
    }

    /**
     * The template's root pom for the instructor repository {@code repository}.
     *
     * @throws TemplateException where the root pom does not build the template's modules, or their poms do not name
     *                           it as their parent
     */
    static String rewrite(InstructorRepository repository) throws IOException, TemplateException {
        Path rootFile = repository.resolve("pom.xml");
        Document pom = PomXml.read(rootFile);
        Element project = pom.getDocumentElement();
        List<String> instructorModules = new ArrayList<>();
        for (Element module : PomXml.path(project, "modules").map(m -> PomXml.children(m, "module")).orElse(List.of())) {
            instructorModules.add(module.getTextContent().strip());
        }
        if (!instructorModules.containsAll(MODULES)) {
            throw new TemplateException(rootFile + " does not build the modules " + MODULES + ": it lists "
                    + instructorModules);
        }
        List<Document> templateModules = new ArrayList<>();
        for (String module : MODULES) {
            Document modulePom = PomXml.read(repository.resolve(module).resolve("pom.xml"));
            checkParent(project, modulePom.getDocumentElement(), module);
            templateModules.add(modulePom);
        }
        keepModules(project);
        PomXml.child(project, "name").ifPresent(name -> name.setTextContent(NAME));
        PomXml.child(project, "description").ifPresent(description -> description.setTextContent(DESCRIPTION));
        pruneCourseArtifacts(project, declaredDependencies(templateModules));
        removeInstructorPlugins(project);
        pruneVersionProperties(project, templateModules);
        return PomXml.write(pom);
    }

    private static void checkParent(Element root, Element module, String name) throws TemplateException {
        Element parent = PomXml.child(module, "parent").orElse(null);
        String expected = coordinates(root);
        String actual = parent == null ? "none" : coordinates(parent);
        if (!expected.equals(actual)) {
            throw new TemplateException(name + "/pom.xml has parent " + actual + ", not the root pom " + expected);
        }
    }

    private static String coordinates(Element element) {
        return PomXml.text(element, "groupId", "?") + ":" + PomXml.text(element, "artifactId", "?") + ":"
                + PomXml.text(element, "version", "?");
    }

    private static void keepModules(Element project) {
        Element modules = PomXml.child(project, "modules").orElseThrow();
        for (Element module : PomXml.children(modules, "module")) {
            if (!MODULES.contains(module.getTextContent().strip())) {
                PomXml.remove(module);
            }
        }
    }

    /** {@code groupId:artifactId:type} of each dependency the poms declare, in profiles too. */
    private static Set<String> declaredDependencies(List<Document> poms) {
        Set<String> declared = new HashSet<>();
        for (Document pom : poms) {
            Element project = pom.getDocumentElement();
            List<Element> scopes = new ArrayList<>(List.of(project));
            PomXml.child(project, "profiles").ifPresent(p -> scopes.addAll(PomXml.children(p, "profile")));
            for (Element scope : scopes) {
                PomXml.child(scope, "dependencies").ifPresent(dependencies -> PomXml.children(dependencies,
                        "dependency").forEach(dependency -> declared.add(key(dependency))));
            }
        }
        return declared;
    }

    private static String key(Element dependency) {
        return PomXml.text(dependency, "groupId", "") + ":" + PomXml.text(dependency, "artifactId", "") + ":"
                + PomXml.text(dependency, "type", "jar");
    }

    private static void pruneCourseArtifacts(Element project, Set<String> used) {
        String course = PomXml.text(project, "groupId", "");
        Element managed = PomXml.path(project, "dependencyManagement", "dependencies").orElse(null);
        if (managed == null) {
            return;
        }
        for (Element dependency : PomXml.children(managed, "dependency")) {
            if (course.equals(PomXml.text(dependency, "groupId", "")) && !used.contains(key(dependency))) {
                PomXml.remove(dependency);
            }
        }
    }

    private static void removeInstructorPlugins(Element project) {
        List<Element> lists = new ArrayList<>();
        PomXml.path(project, "build", "plugins").ifPresent(lists::add);
        PomXml.path(project, "build", "pluginManagement", "plugins").ifPresent(lists::add);
        for (Element plugins : lists) {
            for (Element plugin : PomXml.children(plugins, "plugin")) {
                String key = PomXml.text(plugin, "groupId", "org.apache.maven.plugins") + ":"
                        + PomXml.text(plugin, "artifactId", "");
                if (INSTRUCTOR_PLUGINS.contains(key)) {
                    PomXml.remove(plugin);
                }
            }
        }
    }

    private static void pruneVersionProperties(Element project, List<Document> templateModules) {
        Element properties = PomXml.child(project, "properties").orElse(null);
        if (properties == null) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        List<String> texts = new ArrayList<>(List.of(project.getTextContent()));
        templateModules.forEach(module -> texts.add(module.getDocumentElement().getTextContent()));
        for (String text : texts) {
            Matcher reference = PROPERTY_REFERENCE.matcher(text);
            while (reference.find()) {
                referenced.add(reference.group(1));
            }
        }
        for (Element property : PomXml.elements(properties)) {
            String name = property.getLocalName();
            if (name.endsWith(".version") && !referenced.contains(name)) {
                PomXml.remove(property);
            }
        }
    }
}
