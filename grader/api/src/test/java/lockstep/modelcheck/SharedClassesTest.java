package lockstep.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the model checker loads ahead of its first check: the classes of its own packages that the archive's class
 * list names, through the class loader given, and nothing else. (That they then come from the archive is checked in
 * a real JVM by the engine's {@code ClassDataArchiveTest}.)
 */
class SharedClassesTest {

    /** Records the names it is asked for, and loads them as its parent does. */
    private static final class Recording extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Recording() {
            super(SharedClassesTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void takesTheModelCheckersPackagesOnlyAndSkipsCommentsAndArchivedLambdas() {
        assertEquals("org/jetbrains/lincheck/Lincheck",
                SharedClasses.className("org/jetbrains/lincheck/Lincheck id: 7"));
        assertEquals("kotlin/Unit", SharedClasses.className("kotlin/Unit"));
        assertEquals("org/jetbrains/kotlinx/lincheck/runner/Runner",
                SharedClasses.className("org/jetbrains/kotlinx/lincheck/runner/Runner id: 8"));
        assertNull(SharedClasses.className("kotlinx/coroutines/BuildersKt id: 9"), "Lincheck instruments coroutines");
        assertNull(SharedClasses.className("kotlin/Foo id: 10 super: 0 source: /tmp/classes/"),
                "a class of another loader than the JVM's own");
        assertEquals("org/objectweb/asm/ClassReader", SharedClasses.className("org/objectweb/asm/ClassReader id: 3"));
        assertNull(SharedClasses.className("# NOTE: Do not modify this file."));
        assertNull(SharedClasses.className("@lambda-proxy kotlin/Unit run ()V"));
        assertNull(SharedClasses.className(""));
        assertNull(SharedClasses.className("java/lang/Object id: 0"), "the JDK's classes load as they always do");
        assertNull(SharedClasses.className("exercises/locks/Bank id: 4"), "never a submission's class");
        assertNull(SharedClasses.className("lockstep/hidden/locks/BankHiddenTest id: 5"), "never the suite's");
        assertNull(SharedClasses.className("org/junit/platform/launcher/Launcher id: 6"));
        assertNull(SharedClasses.className("org/jetbrains/annotations/NotNull id: 11"), "not Lincheck's");
    }

    @Test
    void loadsTheListedClassesThroughTheLoaderGivenAndLeavesOutWhatItCannotFind(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("test.classlist"), """
                # NOTE: Do not modify this file.
                java/lang/Object id: 0
                kotlin/Unit id: 1
                org/jetbrains/lincheck/Lincheck id: 2
                org/jetbrains/lincheck/NoSuchClass id: 3
                exercises/locks/Bank id: 4
                @lambda-proxy kotlin/Unit run ()V
                """);
        Recording loader = new Recording();

        assertEquals(2, SharedClasses.load(list, loader), "kotlin.Unit and Lincheck; the missing class is left out");
        assertEquals(List.of("kotlin.Unit", "org.jetbrains.lincheck.Lincheck", "org.jetbrains.lincheck.NoSuchClass"),
                loader.asked);
    }

    @Test
    void anUnreadableListLoadsNothing(@TempDir Path dir) {
        Recording loader = new Recording();
        assertEquals(0, SharedClasses.load(dir.resolve("gone.classlist"), loader));
        assertEquals(List.of(), loader.asked);
    }
}
