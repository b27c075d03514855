package exercises.util;

/** Hostile: outside the task packages, so never collected, compiled or run. */
public final class Shortcut {

    static {
        System.exit(0);
    }

    private Shortcut() {
    }
}
