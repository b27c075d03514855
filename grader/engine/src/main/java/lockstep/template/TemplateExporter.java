package lockstep.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the repository students get, made from the instructor's repository: the starter and the lockstep-api module
 * with a root pom that builds only those two, the Maven Wrapper, the student README, a {@code .gitignore} and the
 * self-check workflow. Never a solution, a hidden test or the grader: every copied file must lie, symbolic links
 * resolved, inside one of {@link TemplateLayout#SOURCES}.
 *
 * <p>The template is written into a hidden folder beside the output folder, then moved into place, so a failed
 * export leaves nothing behind. Stateless; two exports must not target the same folder at once.
 */
public final class TemplateExporter {

    /**
     * Exports the template of the instructor repository at {@code repository} into {@code out}.
     *
     * @param repository the instructor repository's root
     * @param out        the template's root; must not exist, or be an empty folder
     * @throws TemplateException where {@code repository} is not an instructor repository or {@code out} is not free
     */
    public TemplateExport export(Path repository, Path out) throws IOException, TemplateException {
        InstructorRepository instructor = InstructorRepository.at(repository);
        Path target = out.toAbsolutePath().normalize();
        checkFree(instructor, target);
        List<TemplateEntry> plan = TemplateLayout.plan(instructor);
        for (TemplateEntry entry : plan) {
            if (entry.source() != null) {
                checkCopiable(instructor, entry);
            }
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            List<String> written = new ArrayList<>();
            for (TemplateEntry entry : plan) {
                write(staging, entry);
                written.add(entry.path());
            }
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new TemplateExport(target, written);
        } finally {
            deleteTree(staging);
        }
    }

    private static void checkFree(InstructorRepository instructor, Path target) throws IOException, TemplateException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new TemplateException(target + " exists and is not a folder: name a new or empty folder");
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new TemplateException(target + " is not empty: name a new or empty folder");
                }
            }
        }
        if (target.getParent() == null) {
            throw new TemplateException("the template cannot be the file system's root: name a new folder");
        }
        for (String copied : TemplateLayout.COPIED) {
            if (target.startsWith(instructor.resolve(copied))) {
                throw new TemplateException(target + " is inside " + copied + ", which the template copies: "
                        + "name a folder outside it");
            }
        }
    }

    private static void checkCopiable(InstructorRepository instructor, TemplateEntry entry)
            throws IOException, TemplateException {
        Path real = entry.source().toRealPath();
        Path root = instructor.root().toRealPath();
        for (String allowed : TemplateLayout.SOURCES) {
            if (real.startsWith(root.resolve(allowed))) {
                return;
            }
        }
        throw new TemplateException(entry.path() + " resolves to " + real + ", outside the starter, the API and the "
                + "Maven Wrapper: the template copies nothing else");
    }

    private static void write(Path root, TemplateEntry entry) throws IOException {
        Path file = root.resolve(entry.path());
        Files.createDirectories(file.getParent());
        if (entry.source() != null) {
            Files.copy(entry.source(), file, LinkOption.NOFOLLOW_LINKS);
        } else {
            Files.writeString(file, entry.content(), StandardCharsets.UTF_8);
        }
        if (entry.executable() && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
