package lockstep;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test whose subject does not change with the JDK the grader runs on: process limits and isolation, batch
 * bookkeeping, the browser check, the exported template's own build. {@code .ci/run} runs these on the default JDK
 * only and leaves them out of its second pass, on JDK 25 ({@code -Dlockstep.excludedGroups=corpus,jdk-neutral}),
 * which keeps the grading on that JDK (stress, model checking's fallback, deadlock and hang diagnosis) and stays
 * within CI's time. {@code ./mvnw -B verify} with JAVA_HOME on JDK 25 runs them all.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("jdk-neutral")
public @interface JdkNeutral {
}
