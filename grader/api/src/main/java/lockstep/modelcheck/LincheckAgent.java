package lockstep.modelcheck;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
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
 * to Lincheck as they are, which then installs and removes the instrumentation itself. The other way round does not
 * work: once this class attached the agent, Lincheck called directly installs nothing, so tests reach Lincheck only
 * through {@link ModelCheck}.
 */
final class LincheckAgent {

    /**
     * Held while the instrumentation is put in, used or taken out. A check abandoned by a test timeout may hold it for
     * ever, so the session's end and {@link #takeOut} never wait for it: the check still running takes the
     * instrumentation out when it ends, once no session is left.
     */
    private static final ReentrantLock LOCK = new ReentrantLock();

    /** Whether this class attached Lincheck's agent (null: not tried yet). */
    private static Boolean attached;
    private static volatile boolean installed;
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private LincheckAgent() {
    }

    /**
     * Runs {@code check} with the instrumentation in place; removes it afterwards unless a session holds it. Where
     * removing it fails, the check's own failure (its verdict) is what is thrown, with that error added to it.
     */
    static void during(Runnable check) {
        LOCK.lock();
        try {
            if (!attach()) {
                check.run();
                return;
            }
            install();
            Throwable failure = null;
            try {
                check.run();
            } catch (Throwable e) { // also what Kotlin code throws unchecked
                failure = e;
                throw e;
            } finally {
                if (SESSIONS.get() == 0) {
                    uninstall(failure);
                }
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Keeps the instrumentation in place after each check until {@link #endSession()}. */
    static void startSession() {
        SESSIONS.incrementAndGet();
    }

    /** Ends a session: once none is left, removes the instrumentation its checks left in place. */
    static void endSession() {
        if (SESSIONS.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            throw new IllegalStateException("no model checking session to end");
        }
        if (SESSIONS.get() == 0) {
            takeOut();
        }
    }

    /**
     * Takes the instrumentation out now, also in a session (its next check puts it in again): before code runs on
     * real threads, outside any check. Where a check is still running (abandoned by a timeout), it is left to that
     * check.
     */
    static void takeOut() {
        if (LOCK.tryLock()) {
            try {
                uninstall(null);
            } finally {
                LOCK.unlock();
            }
        }
    }

    /** Whether the instrumentation is in place now (for the tests). */
    static boolean installed() {
        return installed;
    }

    private static void install() {
        if (!installed) {
            installed = true; // also where installing fails halfway: taking it out then undoes what was done
            try {
                LincheckInstrumentation.INSTANCE.install(InstrumentationMode.MODEL_CHECKING);
            } catch (RuntimeException | Error e) {
                uninstall(e);
                throw e;
            }
        }
    }

    /**
     * Takes the instrumentation out where it is in. An error doing so is added to {@code failure} where there is one
     * (the check's own outcome comes first), and thrown otherwise.
     */
    private static void uninstall(Throwable failure) {
        if (!installed) {
            return;
        }
        installed = false; // the next check puts it in again, whatever happens here
        try {
            LincheckInstrumentation.INSTANCE.uninstall();
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
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
}
