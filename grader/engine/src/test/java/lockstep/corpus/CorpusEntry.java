package lockstep.corpus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import lockstep.collect.Task;

/**
 * One submission of the bug corpus (a folder under {@code grader/corpus/} with only the files it changes
 * over the reference) and how the hidden suite must grade it, as its {@code expect.properties} declares. Values
 * only: {@link CorpusGrading} grades, {@link Expectation} judges.
 *
 * @param name     the folder's name, such as {@code volatile-count-increment}
 * @param folder   the folder
 * @param kind     buggy or correct
 * @param tasks    the tasks the entry changes: the only ones graded
 * @param pattern  the bug pattern (or, for a correct entry, the style), in a few words
 * @param taxonomy where the pattern sits in Farchi, Nir and Ur's taxonomy (or why it is outside it)
 * @param mustFail the tests that must lose their points, by id ({@code Class.method}), each with the texts its
 *                 feedback must hold
 * @param mayFail  tests whose verdict on this entry is genuinely nondeterministic: either outcome is accepted
 * @param gap      where the hidden suite's verdict is wrong, in words: for a buggy entry, the bug it misses; for a
 *                 correct entry, why the tests in {@code mustFail} fail it anyway; empty where the verdict is right
 */
record CorpusEntry(String name, Path folder, Kind kind, Set<Task> tasks, String pattern, String taxonomy,
                   Map<String, List<String>> mustFail, Set<String> mayFail, String gap) {

    /** The file in each entry's folder that holds its expectations. */
    static final String EXPECT_FILE = "expect.properties";

    /** What an entry is. */
    enum Kind {
        /** Holds one bug: the tests named must fail, every other test of its tasks must pass. */
        BUGGY,
        /** Correct in a style of its own: full marks on every task it changes, unless a gap says otherwise. */
        CORRECT
    }

    private static final String FAIL_PREFIX = "fail.";
    private static final Set<String> KEYS = Set.of("kind", "tasks", "pattern", "taxonomy", "may-fail", "gap");

    CorpusEntry {
        tasks = Set.copyOf(tasks);
        mustFail = Map.copyOf(mustFail);
        mayFail = Set.copyOf(mayFail);
    }

    /**
     * Reads the entry in {@code folder} from its {@value #EXPECT_FILE}.
     *
     * @throws IllegalArgumentException where the file is missing a key, holds an unknown one, or contradicts itself
     */
    static CorpusEntry read(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        Properties expect = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(EXPECT_FILE), StandardCharsets.UTF_8)) {
            expect.load(in);
        }
        Map<String, List<String>> mustFail = new TreeMap<>();
        for (String key : expect.stringPropertyNames()) {
            if (key.startsWith(FAIL_PREFIX)) {
                mustFail.put(key.substring(FAIL_PREFIX.length()), split(expect.getProperty(key), ";"));
            } else if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(name + ": unknown key " + key + " in " + EXPECT_FILE);
            }
        }
        Kind kind = Kind.valueOf(required(expect, name, "kind").toUpperCase(java.util.Locale.ROOT));
        Set<Task> tasks = EnumSet.noneOf(Task.class);
        for (String id : split(required(expect, name, "tasks"), ",")) {
            tasks.add(Task.byId(id).orElseThrow(() -> new IllegalArgumentException(name + ": no task " + id)));
        }
        String gap = expect.getProperty("gap", "").strip();
        if (kind == Kind.CORRECT && mustFail.isEmpty() != gap.isEmpty()) {
            throw new IllegalArgumentException(name + ": a correct entry names failing tests only with the gap that"
                    + " explains them");
        }
        if (kind == Kind.BUGGY && mustFail.isEmpty() && gap.isEmpty()) {
            throw new IllegalArgumentException(name + ": a buggy entry names the tests that catch it, or its gap");
        }
        Set<String> mayFail = new TreeSet<>(split(expect.getProperty("may-fail", ""), ","));
        mayFail.retainAll(mustFail.keySet());
        if (!mayFail.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + mayFail + " both must and may fail");
        }
        return new CorpusEntry(name, folder, kind, tasks, required(expect, name, "pattern"),
                required(expect, name, "taxonomy"), new LinkedHashMap<>(mustFail),
                new TreeSet<>(split(expect.getProperty("may-fail", ""), ",")), gap);
    }

    /** Whether the hidden suite judges this entry right: a buggy one loses points, a correct one gets full marks. */
    boolean judgedRight() {
        return gap.isEmpty();
    }

    private static String required(Properties expect, String name, String key) {
        String value = expect.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + EXPECT_FILE + " lacks " + key);
        }
        return value;
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
