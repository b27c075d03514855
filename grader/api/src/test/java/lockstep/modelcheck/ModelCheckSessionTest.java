package lockstep.modelcheck;

import static lockstep.modelcheck.ModelCheckTest.twoIncrements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lockstep.modelcheck.ModelCheckTest.Racy;
import lockstep.modelcheck.ModelCheckTest.Safe;
import org.jetbrains.lincheck.jvm.agent.LincheckInstrumentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The model checker's instrumentation: in place only during a check, or from a session's first check to its end, and
 * a lost update found in every check either way (also after a failing check, and after a session).
 */
class ModelCheckSessionTest {

    /** Checks two racy increments; returns whether the lost update was found. */
    static boolean racyFails() {
        try {
            ModelCheck.check("lost update", 200, () -> {
                Racy counter = new Racy();
                twoIncrements(() -> counter.increment(), () -> counter.increment());
                assertEquals(2, counter.get(), "two increments");
            });
            return false;
        } catch (AssertionError failure) {
            assertTrue(failure.getMessage().contains("The following interleaving leads to the error"),
                    failure.getMessage());
            return true;
        }
    }

    static void safePasses() {
        ModelCheck.check("lost update", 200, () -> {
            Safe counter = new Safe();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get(), "two increments");
        });
    }

    private static boolean instrumented(Class<?> type) {
        return LincheckInstrumentation.INSTANCE.getInstrumentedClasses().contains(type.getName());
    }

    @Test
    void withoutASessionTheInstrumentationIsTakenOutAfterEveryCheck() {
        if (!ModelCheck.available()) {
            assertFalse(LincheckAgent.installed(), ModelCheck.why());
            return;
        }
        for (int check = 1; check <= 3; check++) {
            assertTrue(racyFails(), "check " + check + " found the lost update");
            assertFalse(LincheckAgent.installed(), "after check " + check);
            assertFalse(instrumented(Racy.class), "Racy after check " + check);
            safePasses();
            assertFalse(instrumented(Safe.class), "Safe after check " + check);
        }
    }

    @Test
    void inASessionTheInstrumentationStaysUntilItsEndAndEveryCheckStillJudges() {
        if (!ModelCheck.available()) {
            LincheckAgent.startSession();
            LincheckAgent.endSession();
            assertFalse(LincheckAgent.installed(), ModelCheck.why());
            return;
        }
        LincheckAgent.startSession();
        try {
            assertTrue(racyFails(), "the first check of the session");
            assertTrue(LincheckAgent.installed(), "in place after a failing check");
            assertTrue(instrumented(Racy.class), "the racy counter stays instrumented");
            safePasses();
            assertTrue(racyFails(), "a check after a failing one and a passing one");
            safePasses();
            assertTrue(instrumented(Safe.class), "the safe counter stays instrumented");
        } finally {
            LincheckAgent.endSession();
        }
        assertFalse(LincheckAgent.installed(), "taken out at the session's end");
        assertFalse(instrumented(Racy.class), "Racy as it was");
        assertFalse(instrumented(Safe.class), "Safe as it was");
        assertTrue(racyFails(), "a check after the session");
        assertFalse(LincheckAgent.installed(), "taken out after a check outside a session");
    }

    @Test
    void runsOnRealThreadsInASessionRunTheCodeUninstrumented() {
        LincheckAgent.startSession();
        try {
            if (ModelCheck.available()) {
                assertTrue(racyFails(), "a check puts the instrumentation in");
                assertTrue(LincheckAgent.installed());
            }
            List<Boolean> instrumentedDuringRuns = new ArrayList<>();
            ModelCheck.checkOrRepeat("lost update", 100, 3, () -> instrumentedDuringRuns.add(LincheckAgent.installed()),
                    Optional.of((invocations, scenario) -> {
                        throw new IllegalStateException("the model checker's own error");
                    }));
            assertEquals(List.of(false, false, false), instrumentedDuringRuns);
            if (ModelCheck.available()) {
                assertTrue(racyFails(), "the session's next check puts it in again");
                assertTrue(LincheckAgent.installed());
            }
        } finally {
            LincheckAgent.endSession();
        }
        assertFalse(LincheckAgent.installed());
    }

    @Test
    void aSessionEndsAtOnceWhileACheckIsStillRunningAndThatCheckTakesTheInstrumentationOut() throws Exception {
        LincheckAgent.startSession();
        if (!ModelCheck.available()) {
            LincheckAgent.endSession();
            assertFalse(LincheckAgent.installed(), ModelCheck.why());
            return;
        }
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread abandoned = new Thread(() -> LincheckAgent.during(() -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "abandoned-check");
        abandoned.start();
        try {
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the check started");
            assertTimeoutPreemptively(Duration.ofSeconds(10), LincheckAgent::endSession,
                    "the session's end does not wait for a check a timeout abandoned");
            assertTrue(LincheckAgent.installed(), "still in place while that check runs");
        } finally {
            release.countDown();
            abandoned.join(30_000);
        }
        assertFalse(LincheckAgent.installed(), "the check took it out when it ended, no session being left");
    }

    /** Fails before the session's own {@code beforeAll} runs. */
    static final class FailingBeforeAll implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            throw new IllegalStateException("setup failed");
        }
    }

    /** A class whose setup fails before its session starts. */
    @ExtendWith({FailingBeforeAll.class, ModelCheckSession.class})
    static class SetupFails {
        @Test
        void never() {
        }
    }

    @Test
    void aClassWhoseSetupFailedBeforeTheSessionStartedEndsNoSession() {
        List<String> failures = run(SetupFails.class);
        assertEquals(1, failures.size(), failures::toString);
        assertTrue(failures.get(0).contains("setup failed"), failures::toString);
        assertFalse(failures.get(0).contains("no model checking session to end"), "the session's end is not called: "
                + failures);
        assertThrows(IllegalStateException.class, LincheckAgent::endSession, "no session was left open");
    }

    @Test
    void aSessionThatWasNeverStartedCannotEnd() {
        assertThrows(IllegalStateException.class, LincheckAgent::endSession);
    }

    /** Model checks in a test class of their own, sharing one instrumentation; what they saw, in order. */
    @ExtendWith(ModelCheckSession.class)
    static class SessionClass {

        static final List<String> SEEN = new ArrayList<>();

        @Test
        void first() {
            SEEN.add("racy " + (racyFails() ? "failed" : "passed") + ", installed " + LincheckAgent.installed());
        }

        @Test
        void second() {
            safePasses();
            SEEN.add("safe passed, installed " + LincheckAgent.installed());
        }
    }

    @Test
    void theExtensionHoldsTheInstrumentationForItsClassAndTakesItOutAfterIt() {
        SessionClass.SEEN.clear();
        List<String> failures = run(SessionClass.class);

        assertFalse(LincheckAgent.installed(), "taken out after the class");
        if (!ModelCheck.available()) {
            assertEquals(2, failures.size(), failures::toString);
            assertTrue(failures.stream().allMatch(f -> f.contains(ModelCheck.why())), failures::toString);
            return;
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of("racy failed, installed true", "safe passed, installed true"),
                SessionClass.SEEN.stream().sorted().toList());
    }

    /**
     * Runs the tests of {@code testClass}; returns each failure as {@code display name: exception}, followed by the
     * exceptions suppressed in it.
     */
    private static List<String> run(Class<?> testClass) {
        List<String> failures = new ArrayList<>();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectClass(testClass)).build(),
                        new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                                result.getThrowable().ifPresent(e -> failures.add(test.getDisplayName() + ": " + e
                                        + Arrays.toString(e.getSuppressed())));
                            }
                        });
        return failures;
    }
}
