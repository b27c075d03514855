package lockstep.stress;

/**
 * Code under test threw on one of a stress run's threads. Carries the thrown exception as its cause and its stack
 * trace, so feedback points at the code under test, and names the thread, the thread count and the repetition.
 * {@link #toString()} is the message alone: it reads as the exception the code under test threw.
 */
public final class WorkerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WorkerFailure(String message, Throwable thrown) {
        super(message, thrown);
        setStackTrace(thrown.getStackTrace());
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
