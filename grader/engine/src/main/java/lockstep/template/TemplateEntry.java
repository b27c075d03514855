package lockstep.template;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the student template: a copy of an instructor file, or generated text.
 *
 * @param path       where it goes, relative to the template's root, with {@code /} separators
 * @param source     the instructor file it copies; {@code null} for generated text
 * @param content    the generated text; {@code null} for a copy
 * @param executable whether it is a script to run ({@code mvnw})
 */
record TemplateEntry(String path, Path source, String content, boolean executable) {

    TemplateEntry {
        Objects.requireNonNull(path, "path");
        if ((source == null) == (content == null)) {
            throw new IllegalArgumentException(path + ": a template file is either a copy or generated text");
        }
    }

    static TemplateEntry copy(String path, Path source, boolean executable) {
        return new TemplateEntry(path, source, null, executable);
    }

    static TemplateEntry text(String path, String content, boolean executable) {
        return new TemplateEntry(path, null, content, executable);
    }
}
