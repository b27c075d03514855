package lockstep.template;

/**
 * The template cannot be exported as asked: the instructor repository is not one, or lacks a part the template
 * needs, or the output folder is not free. The message says what to change; nothing was written.
 */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
