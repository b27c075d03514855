package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Hostile: a class-initialization deadlock. Launcher's static initializer starts a thread that initializes Helper,
 * whose static initializer needs Launcher; Launcher's initializer then needs Helper. Each thread waits for the other's
 * class initialization lock, which no interrupt and no timeout can break: every later test that touches Launcher
 * joins the wait.
 */
public final class Launcher {

    static {
        new Thread(new Initializer(), "initializer").start();
        Gate.awaitHelperStarted();
        Helper.touch();
    }

    private Launcher() {
    }

    static void touch() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) {
    }

    public static void demo(Consumer<String> log, Duration unit) {
    }

    /** Initializes Helper on a thread of its own (a class apart: running it does not need Launcher). */
    static final class Initializer implements Runnable {
        @Override
        public void run() {
            Helper.touch();
        }
    }

    /** Needs Launcher to be initialized before its own initialization can finish. */
    static final class Helper {
        static {
            Gate.helperStarted();
            Launcher.touch();
        }

        private Helper() {
        }

        static void touch() {
        }
    }

    /** Tells Launcher's initializer that Helper's has begun, so the two always meet. */
    static final class Gate {
        private static final CountDownLatch STARTED = new CountDownLatch(1);

        private Gate() {
        }

        static void helperStarted() {
            STARTED.countDown();
        }

        static void awaitHelperStarted() {
            while (STARTED.getCount() > 0) {
                try {
                    STARTED.await();
                } catch (InterruptedException ignored) {
                    // keep waiting: the deadlock must happen
                }
            }
        }
    }
}
