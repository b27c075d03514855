package lockstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void placesReadAsTheStudentWroteThem() {
        assertEquals("RaceDemo", Wording.where("exercises/race/RaceDemo", null));
        assertEquals("RaceDemo.run", Wording.where("exercises/race/RaceDemo", "run"));
        assertEquals("RaceDemo.Worker.run (in a lambda)", Wording.where("exercises/race/RaceDemo$Worker",
                "lambda$run$3"));
        assertEquals("the RaceDemo constructor (in a lambda)", Wording.where("exercises/race/RaceDemo",
                "lambda$new$0"));
        assertEquals("the static initializer of RaceDemo (in a lambda)", Wording.where("exercises/race/RaceDemo",
                "lambda$static$1"));
        assertEquals("RaceDemo$2.run", Wording.where("exercises/race/RaceDemo$2", "run"));
    }

    @Test
    void classesOfJavaLangAreNamedSimply() {
        assertEquals("Thread.State", Wording.displayName("java/lang/Thread$State"));
        assertEquals("java.util.Map.Entry", Wording.displayName("java/util/Map$Entry"));
        assertEquals("java.lang.invoke.MethodHandles", Wording.displayName("java/lang/invoke/MethodHandles"));
    }

    @Test
    void tableEntriesMatchWhatTheySay() {
        Reference exit = new Reference(ReferenceKind.CALL, "java/lang/System", "exit", "(I)V", "a/B", "m", 1);
        Reference nanoTime = new Reference(ReferenceKind.CALL, "java/lang/System", "nanoTime", "()J", "a/B", "m", 1);
        Reference redirect = new Reference(ReferenceKind.TYPE, "java/lang/ProcessBuilder$Redirect", null, null,
                "a/B", "m", 1);
        Reference printToFile = new Reference(ReferenceKind.CALL, "java/io/PrintStream", "<init>",
                "(Ljava/lang/String;)V", "a/B", "m", 1);
        Reference printToStream = new Reference(ReferenceKind.CALL, "java/io/PrintStream", "<init>",
                "(Ljava/io/OutputStream;)V", "a/B", "m", 1);

        assertTrue(ForbiddenApi.parse("java.lang.System#exit").matches(exit));
        assertFalse(ForbiddenApi.parse("java.lang.System#exit").matches(nanoTime));
        assertTrue(ForbiddenApi.parse("java.lang.ProcessBuilder").matches(redirect));
        assertFalse(ForbiddenApi.parse("java.lang.Process").matches(redirect));
        assertTrue(ForbiddenApi.parse("java.lang.*").matches(redirect));
        assertTrue(ForbiddenApi.parse("java.io.PrintStream#<init>(Ljava/lang/String;").matches(printToFile));
        assertFalse(ForbiddenApi.parse("java.io.PrintStream#<init>(Ljava/lang/String;").matches(printToStream));
        assertTrue(ForbiddenApi.parse("java.lang.System#set*").matches(
                new Reference(ReferenceKind.CALL, "java/lang/System", "setOut", null, "a/B", "m", 1)));
    }

    @Test
    void everyRuleHasAUniqueIdAndAReason() {
        assertEquals(SandboxRules.RULES.size(),
                SandboxRules.RULES.stream().map(SandboxRule::id).distinct().count());
        SandboxRules.RULES.forEach(rule -> assertTrue(rule.id().matches("[a-z_]+") && !rule.reason().isBlank(),
                rule::id));
    }
}
