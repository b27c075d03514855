package lockstep.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructor's repository, checked to hold every part the student template is made of.
 *
 * @param root the repository's root folder, absolute and normalized
 */
record InstructorRepository(Path root) {

    /** The files the template copies or transforms, relative to the root. */
    static final List<String> REQUIRED_FILES = List.of(
            "pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties",
            "starter/pom.xml", "starter/README.md", "grader/api/pom.xml");

    /** The folders the template copies, relative to the root. */
    static final List<String> REQUIRED_FOLDERS = List.of(
            "starter/src/main/java", "starter/src/test/java", "grader/api/src/main/java");

    /** The student README, which becomes the template's root README. */
    static final String STUDENT_README = "starter/README.md";

    /**
     * The instructor repository whose root is {@code dir}.
     *
     * @throws TemplateException where {@code dir} is not a folder or lacks a part of the template, naming every
     *                           part it lacks
     */
    static InstructorRepository at(Path dir) throws TemplateException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new TemplateException("--repository " + dir + " is not a folder");
        }
        List<String> missing = new ArrayList<>();
        REQUIRED_FILES.stream().filter(file -> !Files.isRegularFile(root.resolve(file))).forEach(missing::add);
        REQUIRED_FOLDERS.stream().filter(folder -> !Files.isDirectory(root.resolve(folder))).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new TemplateException(root + " is not a Lockstep instructor repository: it lacks "
                    + String.join(", ", missing) + " (pass its root folder with --repository)");
        }
        return new InstructorRepository(root);
    }

    /** {@code relative} below the root. */
    Path resolve(String relative) {
        return root.resolve(relative);
    }
}
