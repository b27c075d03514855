package exercises.launch;

/** A helper in the task's package. */
final class Shutdown {

    private Shutdown() {
    }

    static void now() {
        System.exit(0);
    }

    /** A nested helper. */
    static final class Later implements Runnable {
        @Override
        public void run() {
            Runtime.getRuntime().halt(0);
        }
    }
}
