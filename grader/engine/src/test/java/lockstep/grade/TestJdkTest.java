package lockstep.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestJdkTest {

    @TempDir
    Path home;

    private int versionOf(String release) throws Exception {
        Files.writeString(home.resolve("release"), release);
        return TestJdk.featureVersion(home);
    }

    @Test
    void theFeatureVersionIsReadFromTheReleaseFile() throws Exception {
        assertEquals(17, versionOf("JAVA_VERSION=\"17.0.15\"\n"));
        assertEquals(25, versionOf("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n"));
        assertEquals(21, versionOf("JAVA_VERSION=\"21\"\n"));
        assertEquals(8, versionOf("JAVA_VERSION=\"1.8.0_402\"\n"));
    }

    @Test
    void anUnreadableJdkIsVersionZero() throws Exception {
        assertEquals(0, TestJdk.featureVersion(home));
        assertEquals(0, versionOf("JAVA_VERSION=\"banana\"\n"));
    }

    @Test
    void theRunningJdkIsRead() {
        assertEquals(Runtime.version().feature(), TestJdk.featureVersion(Path.of(System.getProperty("java.home"))));
    }
}
