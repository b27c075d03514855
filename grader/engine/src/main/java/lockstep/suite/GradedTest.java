package lockstep.suite;

/**
 * A graded test as declared in a suite: where it is, what it is worth and the line a student reads.
 *
 * @param className   the test class's binary name
 * @param methodName  the test method
 * @param task        the task id it counts towards
 * @param points      the points it is worth
 * @param displayName its {@code @DisplayName}, or {@code method()} as JUnit shows it
 */
public record GradedTest(String className, String methodName, String task, int points, String displayName) {

    /** The key the test JVM reports results under: {@code class#method}. */
    public String key() {
        return className + "#" + methodName;
    }

    /** The stable id in result.json: the class's simple name and the method, {@code RaceDemoTest.runIsExact}. */
    public String id() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1) + "." + methodName;
    }
}
