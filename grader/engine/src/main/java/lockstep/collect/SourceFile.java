package lockstep.collect;

import java.util.Objects;

/**
 * One collected source file, read once: later stages use this content and never read the file again.
 *
 * @param path    the path relative to the source root, with {@code /} separators, such as
 *                {@code exercises/race/RaceDemo.java}
 * @param content the file's text, decoded as UTF-8 (without a leading byte order mark)
 */
public record SourceFile(String path, String content) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
