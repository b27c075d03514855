package lockstep.score;

/** Hostile: a class of the grader's own package, in a task folder, so that it is compiled with the task. */
public final class Scorer {

    private Scorer() {
    }

    public static int score() {
        return 92;
    }
}
