package lockstep.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The collect stage: finds a submission's source root and reads the {@code .java} files of the three task packages,
 * each once. Nothing else under the folder handed in is read; symbolic links are never followed. Stateless and safe
 * to share between threads.
 */
public final class SubmissionCollector {

    private static final String COUNTER = "exercises/Counter.java";

    private final CollectLimits limits;

    /** A collector with {@link CollectLimits#DEFAULT the default limits}. */
    public SubmissionCollector() {
        this(CollectLimits.DEFAULT);
    }

    /** A collector that reads no more than {@code limits} allow. */
    public SubmissionCollector(CollectLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Collects the submission in {@code dir}: a student's repository root, its {@code starter} module, or a bare source
     * root holding {@code exercises/}.
     *
     * @throws SubmissionLayoutException where no {@code exercises} folder is found (the message is for the student)
     * @throws IOException               where the source root cannot be listed
     */
    public CollectedSubmission collect(Path dir) throws IOException {
        Path root = SourceRootLocator.locate(dir);
        Walk walk = new Walk(root);
        Files.walkFileTree(root, walk);
        Map<Task, List<String>> problems = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            List<SourceFile> files = walk.files.get(task);
            files.sort(Comparator.comparing(SourceFile::path));
            List<String> taskProblems = walk.problems.get(task);
            if (files.size() > limits.maxFilesPerTask()) {
                taskProblems.add(String.format(Locale.ROOT, "task %s has %d .java files in %s: the grader reads at"
                        + " most %d", task.id(), files.size(), task.folder(), limits.maxFilesPerTask()));
            }
            problems.put(task, taskProblems);
        }
        return new CollectedSubmission(root, walk.files, problems, listed(walk.ignored));
    }

    private List<IgnoredFile> listed(List<IgnoredFile> ignored) {
        ignored.sort(Comparator.comparing(IgnoredFile::path));
        if (ignored.size() <= limits.maxIgnoredListed()) {
            return ignored;
        }
        List<IgnoredFile> listed = new ArrayList<>(ignored.subList(0, limits.maxIgnoredListed()));
        listed.add(new IgnoredFile("...", (ignored.size() - limits.maxIgnoredListed()) + " more ignored files"));
        return listed;
    }

    /** One walk over the source root, sorting every entry into a task's files, a task's problems, or ignored. */
    private final class Walk extends SimpleFileVisitor<Path> {

        private final Path root;
        private final Map<Task, List<SourceFile>> files = new EnumMap<>(Task.class);
        private final Map<Task, List<String>> problems = new EnumMap<>(Task.class);
        private final List<IgnoredFile> ignored = new ArrayList<>();

        Walk(Path root) {
            this.root = root;
            for (Task task : Task.values()) {
                files.put(task, new ArrayList<>());
                problems.put(task, new ArrayList<>());
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            String path = relative(dir);
            if (path.isEmpty() || path.equals("exercises")) {
                return FileVisitResult.CONTINUE;
            }
            boolean inTask = taskOf(path + "/").isPresent();
            if (inTask && !dir.getFileName().toString().startsWith(".")) {
                return FileVisitResult.CONTINUE;
            }
            ignore(path + "/", inTask ? "a hidden folder" : "outside the task packages");
            return FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
            String path = relative(file);
            if (attributes.isSymbolicLink()) {
                ignore(path, "a symbolic link: the grader does not follow links");
            } else if (!attributes.isRegularFile()) {
                ignore(path, "not a regular file");
            } else {
                Optional<Task> task = taskOf(path);
                if (task.isPresent()) {
                    collect(task.get(), file, path, attributes.size());
                } else {
                    ignore(path, path.equals(COUNTER) ? "the grader supplies its own Counter"
                            : "outside the task packages");
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
            ignore(relative(file), "could not be read");
            return FileVisitResult.CONTINUE;
        }

        private void collect(Task task, Path file, String path, long size) throws IOException {
            String name = file.getFileName().toString();
            if (!name.endsWith(".java")) {
                ignore(path, "not a .java file");
            } else if (name.startsWith(".")) {
                ignore(path, "a hidden file");
            } else if (name.equals("module-info.java")) {
                ignore(path, "a module declaration: the grader compiles each task without modules");
            } else if (size > limits.maxFileBytes()) {
                refuse(task, path, tooLarge(path, size));
            } else {
                byte[] bytes = read(file);
                Optional<String> text = SourceDecoder.decode(bytes);
                if (bytes.length > limits.maxFileBytes()) {
                    refuse(task, path, tooLarge(path, bytes.length));
                } else if (text.isEmpty()) {
                    ignore(path, "not UTF-8 text");
                    problems.get(task).add("file " + path + " is not UTF-8 text: save it with the UTF-8 encoding");
                } else {
                    files.get(task).add(new SourceFile(path, text.get()));
                }
            }
        }

        private byte[] read(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                return in.readNBytes(Math.toIntExact(limits.maxFileBytes() + 1));
            }
        }

        private String tooLarge(String path, long size) {
            return String.format(Locale.ROOT, "file %s is too large (%s; the grader reads files up to %s)",
                    path, kib(size), kib(limits.maxFileBytes()));
        }

        private void refuse(Task task, String path, String problem) {
            ignore(path, "larger than " + kib(limits.maxFileBytes()));
            problems.get(task).add(problem);
        }

        private void ignore(String path, String reason) {
            ignored.add(new IgnoredFile(path, reason));
        }

        private String relative(Path file) {
            List<String> names = new ArrayList<>();
            root.relativize(file).forEach(name -> names.add(name.toString()));
            return String.join("/", names);
        }
    }

    private static String kib(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%d KiB", (bytes + 1023) / 1024);
    }

    private static Optional<Task> taskOf(String path) {
        for (Task task : Task.values()) {
            if (path.startsWith(task.folder())) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }
}
