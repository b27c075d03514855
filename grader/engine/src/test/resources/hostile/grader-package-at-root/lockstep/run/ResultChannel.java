package lockstep.run;

/** Hostile: a class of the grader's own package, hoping to stand in for the grader's result channel. */
final class ResultChannel {

    static final String PREFIX = "LOCKSTEP ";

    boolean verify(String line) {
        return true;
    }
}
