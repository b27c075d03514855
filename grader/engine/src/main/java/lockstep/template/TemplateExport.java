package lockstep.template;

import java.nio.file.Path;
import java.util.List;

/**
 * A student template written to disk.
 *
 * @param root  the template's root folder
 * @param files every file written, relative to {@code root} with {@code /} separators, in the order written
 * @param notes what the instructor should know about the result (a part that was missing and replaced), if anything
 */
public record TemplateExport(Path root, List<String> files, List<String> notes) {

    public TemplateExport {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
