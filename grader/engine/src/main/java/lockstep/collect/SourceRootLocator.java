package lockstep.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the source root of a submission: the folder that holds {@code exercises/}. A student may hand in the
 * repository root, the starter module or a bare source root; symbolic links on the way are never followed.
 */
final class SourceRootLocator {

    /** Where a source root may sit under the folder handed in, most specific first. */
    private static final List<String> CANDIDATES = List.of("starter/src/main/java", "src/main/java", "");

    private SourceRootLocator() {
    }

    /**
     * The source root under {@code dir}; the first candidate holding an {@code exercises} folder wins. The folder
     * handed in is the grader operator's choice and may itself be reached through a link: the root is resolved from
     * its real path.
     */
    static Path locate(Path dir) throws SubmissionLayoutException {
        if (!Files.isDirectory(dir)) {
            throw new SubmissionLayoutException("there is no folder " + dir + " to grade");
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException unreadable) {
            throw new SubmissionLayoutException("the folder " + dir + " cannot be read: " + unreadable.getMessage());
        }
        for (String candidate : CANDIDATES) {
            Path root = candidate.isEmpty() ? real : real.resolve(candidate);
            if (isPlainDirectoryBelow(real, root.resolve("exercises"))) {
                return root;
            }
        }
        throw new SubmissionLayoutException("found no exercises folder in " + dir
                + ": looked for starter/src/main/java/exercises, src/main/java/exercises and exercises"
                + " (hand in your repository's root folder, the one that holds starter/)");
    }

    /** Whether every folder from {@code dir} (exclusive) down to {@code target} is a real folder, not a link. */
    private static boolean isPlainDirectoryBelow(Path dir, Path target) {
        Path current = dir;
        for (Path name : dir.relativize(target)) {
            current = current.resolve(name);
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }
}
