package lockstep.modelcheck;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class whose tests are all model checks: the model checker's instrumentation stays in place from one
 * check to the next and is taken out when the class is done, rather than put in and taken out around every check
 * (which costs 80 to 100 ms a check). Use it as {@code @ExtendWith(ModelCheckSession.class)}.
 *
 * <p>Only on a class whose tests run the code under test inside {@link ModelCheck} alone: while the instrumentation
 * is in place, the classes the checks used run instrumented also outside a check, slower and with other timing,
 * which a stress test must not see. Once the class is done, they are as they were.
 */
public final class ModelCheckSession implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LincheckAgent.startSession();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LincheckAgent.endSession();
    }
}
