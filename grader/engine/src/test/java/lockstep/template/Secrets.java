package lockstep.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What must never reach students, read from the instructor repository, and a scan of a folder for any of it: the
 * hidden suite (its files, any line of it that no public file has, the names of its test classes, and the names of
 * its other classes that the public sources never use as a word, such as {@code Checks} in a comment) and the
 * reference solution (its files and any line of it that no public file has, where it differs from the starter's).
 */
final class Secrets {

    /** A line shorter than this says too little to be a leak ("} finally {"). */
    static final int DISTINCTIVE_LENGTH = 20;

    private final Set<String> hiddenClassNames = new HashSet<>();
    private final Map<String, String> secretFiles = new HashMap<>();
    private final Map<String, String> distinctiveLines = new HashMap<>();

    private Secrets() {
    }

    /** The secrets of the instructor repository at {@code repository}. */
    static Secrets of(Path repository) throws IOException {
        Secrets secrets = new Secrets();
        Set<String> publicLines = new HashSet<>();
        StringBuilder publicText = new StringBuilder();
        for (Path file : files(repository.resolve("starter"), repository.resolve("grader/api/src/main"))) {
            if (!file.toString().contains("/target/")) {
                String text = read(file);
                lines(text).forEach(publicLines::add);
                publicText.append(file.getFileName()).append('\n').append(text).append('\n');
            }
        }
        Path solutions = repository.resolve("solutions/src/main/java");
        for (Path solution : files(solutions)) {
            Path starterFile = repository.resolve("starter/src/main/java").resolve(solutions.relativize(solution));
            String text = read(solution);
            if (!Files.isRegularFile(starterFile) || !read(starterFile).equals(text)) {
                secrets.add("solution " + repository.relativize(solution), text, publicLines);
            }
        }
        for (Path hidden : files(repository.resolve("grader/hidden/src"))) {
            secrets.add("hidden " + repository.relativize(hidden), read(hidden), publicLines);
            String name = simpleName(hidden);
            boolean testClass = name.endsWith("Test") || name.endsWith("Tests");
            boolean publicWord = Pattern.compile("\\b" + name + "\\b").matcher(publicText).find();
            if (hidden.toString().endsWith(".java") && (testClass || !publicWord)) {
                secrets.hiddenClassNames.add(name);
            }
        }
        return secrets;
    }

    /** Every place under {@code root} where a secret shows, one line each; empty where there is none. */
    List<String> findIn(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        Pattern names = hiddenClassNames.isEmpty() ? Pattern.compile("(?!)")
                : Pattern.compile("\\b(" + String.join("|", hiddenClassNames) + ")\\b");
        for (Path file : files(root)) {
            String where = root.relativize(file).toString();
            String text = read(file);
            secretFiles.forEach((secret, content) -> {
                if (text.contains(content.strip())) {
                    found.add(where + ": holds the whole of " + secret);
                }
            });
            names.matcher(text).results().map(match -> where + ": names the hidden class " + match.group())
                    .distinct().forEach(found::add);
            for (String line : lines(text).toList()) {
                if (distinctiveLines.containsKey(line)) {
                    found.add(where + ": has the line '" + line + "' of " + distinctiveLines.get(line));
                }
            }
        }
        return found;
    }

    Set<String> hiddenClassNames() {
        return Set.copyOf(hiddenClassNames);
    }

    int fileCount() {
        return secretFiles.size();
    }

    private void add(String name, String text, Set<String> publicLines) {
        secretFiles.put(name, text);
        lines(text).filter(line -> line.length() >= DISTINCTIVE_LENGTH && !publicLines.contains(line))
                .forEach(line -> distinctiveLines.putIfAbsent(line, name));
    }

    private static Stream<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip);
    }

    private static String simpleName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }
}
