package lockstep.score;

/** Hostile: a class of the grader's own package, hoping to stand in for the grader's scorer. */
public final class Scorer {

    private Scorer() {
    }

    public static int score() {
        return 92;
    }
}
