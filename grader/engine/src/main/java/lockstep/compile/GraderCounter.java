package lockstep.compile;

/**
 * The grader's own {@code exercises.Counter}, exactly the interface of EXERCISES.md. It is compiled into every task
 * so that a student's copy (edited or not) never takes part in grading.
 */
final class GraderCounter {

    /** Where the interface sits under a source root. */
    static final String PATH = "exercises/Counter.java";

    /** Its binary class name. */
    static final String CLASS_NAME = "exercises.Counter";

    /** Its source, as EXERCISES.md gives it. */
    static final String SOURCE = """
            package exercises;
            public interface Counter {
                void increment();   // adds one
                long get();         // the current count
            }
            """;

    private GraderCounter() {
    }
}
