package lockstep.template;

import java.nio.file.Path;
import java.util.List;

/**
 * A student template written to disk.
 *
 * @param root  the template's root folder
 * @param files every file written, relative to {@code root} with {@code /} separators, in the order written
 */
public record TemplateExport(Path root, List<String> files) {

    public TemplateExport {
        files = List.copyOf(files);
    }
}
