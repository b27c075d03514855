package lockstep.modelcheck;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class whose tests are all model checks: the model checker's instrumentation stays in place from one
 * check to the next and is taken out when the class is done, rather than put in and taken out around every check
 * (which took most of the 150 to 400 ms of each check after the first). Use it as
 * {@code @ExtendWith(ModelCheckSession.class)}.
 *
 * <p>Only on a class whose tests run the code under test inside {@link ModelCheck} alone: while the instrumentation
 * is in place, the classes the checks used run instrumented also outside a check, slower and with other timing,
 * which a stress test must not see. Once the class is done, they are as they were.
 */
public final class ModelCheckSession implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ModelCheckSession.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        LincheckAgent.startSession();
        context.getStore(NAMESPACE).put("started", Boolean.TRUE);
    }

    /** Ends the session the class started (JUnit calls this also where an earlier {@code beforeAll} failed). */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).remove("started") != null) {
            LincheckAgent.endSession();
        }
    }
}
