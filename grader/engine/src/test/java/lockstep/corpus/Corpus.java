package lockstep.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bug corpus in {@code grader/corpus/}: one folder per entry, each with only the files it changes over
 * the reference and an {@code expect.properties} (see the corpus's README).
 */
final class Corpus {

    /** Where the corpus lies, found from the repository root the build passes down. */
    static final Path FOLDER = repository().resolve("grader/corpus");

    /** The reference solution, which fills in the files an entry does not change. */
    static final Path REFERENCE = repository().resolve("solutions");

    private Corpus() {
    }

    /** Every entry, sorted by name. */
    static List<CorpusEntry> entries() {
        List<CorpusEntry> entries = new ArrayList<>();
        try (Stream<Path> folders = Files.list(FOLDER)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                entries.add(CorpusEntry.read(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + FOLDER, e);
        }
        return entries;
    }

    /** The repository root: as the build passes it down, or found from the working folder. */
    static Path repository() {
        String configured = System.getProperty("lockstep.repository");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return here.endsWith(Path.of("grader", "engine")) ? here.getParent().getParent() : here;
    }
}
