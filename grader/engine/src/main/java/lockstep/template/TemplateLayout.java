package lockstep.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the student template holds, file by file, before anything is written: the rewritten root pom, the Maven
 * Wrapper, the starter (pom, {@code src/main}, {@code src/test}; its README becomes the root README), the lockstep-api
 * module (pom and {@code src/main}), a {@code .gitignore} and the self-check workflow with its summary script.
 * Copies come only from those instructor folders; symbolic links are refused rather than followed.
 */
final class TemplateLayout {

    /** Where the template's own files live on the class path. */
    static final String RESOURCES = "/lockstep/template/";

    /** The instructor files and folders copied as they are, by their path in both repositories. */
    static final List<String> COPIED = List.of(
            "mvnw", "mvnw.cmd", ".mvn/wrapper",
            "starter/pom.xml", "starter/src/main", "starter/src/test",
            "grader/api/pom.xml", "grader/api/src/main");

    /** Every instructor file or folder a template file may be copied from. */
    static final List<String> SOURCES = Stream.concat(COPIED.stream(),
            Stream.of(InstructorRepository.STUDENT_README)).toList();

    /** The scripts among the template's files. */
    static final List<String> EXECUTABLE = List.of("mvnw", ".github/scripts/score-summary.sh");

    private TemplateLayout() {
    }

    /** The template's files for {@code repository}, in the order they are written. */
    static List<TemplateEntry> plan(InstructorRepository repository) throws IOException, TemplateException {
        List<TemplateEntry> entries = new ArrayList<>();
        entries.add(TemplateEntry.text("pom.xml", TemplatePom.rewrite(repository), false));
        for (String copied : COPIED) {
            Path source = repository.resolve(copied);
            if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                copyFolder(repository, copied, entries);
            } else if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                entries.add(copyOf(repository, copied, copied));
            }
        }
        entries.add(copyOf(repository, InstructorRepository.STUDENT_README, "README.md"));
        entries.add(TemplateEntry.text(".gitignore", resource("gitignore"), false));
        entries.add(TemplateEntry.text(".github/workflows/self-check.yml", resource("self-check.yml"), false));
        entries.add(TemplateEntry.text(".github/scripts/score-summary.sh", resource("score-summary.sh"), true));
        return List.copyOf(entries);
    }

    /** The text of the template resource {@code name}. */
    static String resource(String name) {
        try (InputStream in = TemplateLayout.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader jar lacks its resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFolder(InstructorRepository repository, String folder, List<TemplateEntry> entries)
            throws IOException, TemplateException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(repository.resolve(folder))) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                String relative = repository.root().relativize(path).toString().replace('\\', '/');
                entries.add(copyOf(repository, relative, relative));
            }
        }
    }

    /** The instructor file {@code relative}, copied to {@code target} in the template. */
    private static TemplateEntry copyOf(InstructorRepository repository, String relative, String target)
            throws TemplateException {
        Path source = repository.resolve(relative);
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new TemplateException(relative + " is a symbolic link or a special file: the template copies "
                    + "regular files only, so that nothing outside the starter and the API can slip in");
        }
        return TemplateEntry.copy(target, source, EXECUTABLE.contains(target));
    }
}
