package lockstep.modelcheck;

import java.lang.instrument.Instrumentation;
import org.jetbrains.lincheck.jvm.agent.InstrumentationMode;
import org.jetbrains.lincheck.jvm.agent.JavaAgentAttachType;
import org.jetbrains.lincheck.jvm.agent.LincheckInstrumentation;

/**
 * Lincheck's instrumentation, put in place for a model check and taken out after it, or kept in place across the
 * checks of a {@link ModelCheckSession}.
 *
 * <p>Left to itself, Lincheck installs its instrumentation at the start of every check and removes it at the end:
 * the JVM redefines the classes it instruments up front (about 90 of {@code java.lang.invoke} and the class loaders),
 * then each class of the scenario as the check reaches it, one redefinition after another, and undoes it all
 * afterwards, which also throws away the compiled code that used those classes. A redefinition costs 25 to 45 ms in a
 * test JVM (the JVM visits every loaded class for it), so the later checks of a grading spent most of their 150 to 400
 * ms on it. So this class attaches Lincheck's agent itself, the way Lincheck takes an agent attached at JVM start (it
 * then neither installs nor removes anything), and installs and removes the instrumentation around the checks itself:
 * around each check, or once for a session's checks (a reference grading: 13 redefinitions instead of about 50).
 *
 * <p>Where Lincheck's agent was attached before (Lincheck called directly, not through {@link ModelCheck}), checks go
 * to Lincheck as they are, which then installs and removes the instrumentation itself.
 */
final class LincheckAgent {

    private static final Object LOCK = new Object();

    /** Whether this class attached Lincheck's agent (null: not tried yet). */
    private static Boolean attached;
    private static boolean installed;
    private static int sessions;

    private LincheckAgent() {
    }

    /** Runs {@code check} with the instrumentation in place; removes it afterwards unless a session holds it. */
    static void during(Runnable check) {
        synchronized (LOCK) {
            if (!attach()) {
                check.run();
                return;
            }
            if (!installed) {
                LincheckInstrumentation.INSTANCE.install(InstrumentationMode.MODEL_CHECKING);
                installed = true;
            }
            try {
                check.run();
            } finally {
                if (sessions == 0) {
                    uninstall();
                }
            }
        }
    }

    /** Keeps the instrumentation in place after each check until {@link #endSession()}. */
    static void startSession() {
        synchronized (LOCK) {
            sessions++;
        }
    }

    /** Ends a session: once none is left, removes the instrumentation its checks left in place. */
    static void endSession() {
        synchronized (LOCK) {
            if (sessions == 0) {
                throw new IllegalStateException("no model checking session to end");
            }
            sessions--;
            if (sessions == 0 && installed) {
                uninstall();
            }
        }
    }

    /**
     * Takes the instrumentation out now, also in a session (its next check puts it in again): before code runs on
     * real threads, outside any check.
     */
    static void takeOut() {
        synchronized (LOCK) {
            if (installed) {
                uninstall();
            }
        }
    }

    /** Whether the instrumentation is in place now (for the tests). */
    static boolean installed() {
        synchronized (LOCK) {
            return installed;
        }
    }

    /**
     * Attaches Lincheck's agent, once, as one attached at JVM start; false where Lincheck's agent was attached
     * before, by Lincheck itself.
     */
    private static boolean attach() {
        if (attached == null) {
            LincheckInstrumentation lincheck = LincheckInstrumentation.INSTANCE;
            if (lincheck.getJavaAgentAttachType() == null) {
                lincheck.attachJavaAgentStatically(selfAttach());
            }
            attached = lincheck.getJavaAgentAttachType() == JavaAgentAttachType.STATIC;
        }
        return attached;
    }

    /**
     * This JVM's instrumentation, from Byte Buddy's agent attached to it (Lincheck's own way of getting it). Called
     * reflectively: the class's annotations name SpotBugs', which are not on the class path, and javac warns of that.
     */
    private static Instrumentation selfAttach() {
        try {
            return (Instrumentation) Class.forName("net.bytebuddy.agent.ByteBuddyAgent").getMethod("install")
                    .invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not attach the model checker's agent to this JVM: " + e, e);
        }
    }

    private static void uninstall() {
        installed = false;
        LincheckInstrumentation.INSTANCE.uninstall();
    }
}
