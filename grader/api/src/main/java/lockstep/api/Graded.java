package lockstep.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * A graded test: a JUnit test worth {@link #points()} points towards task {@link #task()}.
 *
 * <p>Scoring is declared here, next to the test, and nowhere else: a task's maximum is the sum of the points of its
 * graded tests, and its score the sum of those that passed. Use {@code @DisplayName} for the line a student reads.
 *
 * <pre>{@code
 * @Graded(task = "race", points = 2)
 * @DisplayName("run() returns the exact count with correct counters")
 * void runIsExact() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
public @interface Graded {

    /** The task id of {@code EXERCISES.md}: {@code launch}, {@code race} or {@code locks}. */
    String task();

    /** Points earned when this test passes; at least 1. */
    int points();
}
