package lockstep.grade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Facts about the JDK that runs the tests, read from its {@code release} file without starting it. */
final class TestJdk {

    /** The newest JDK on which Lincheck's model checking is trusted. */
    static final int NEWEST_MODEL_CHECKING = lockstep.modelcheck.ModelCheck.NEWEST_WORKING_JDK;

    private TestJdk() {
    }

    /** The JDK's feature version (17, 21, 25...), or 0 where its release file cannot be read. */
    static int featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            String feature = version.split("[.+-]")[0];
            return Integer.parseInt(feature.equals("1") ? version.split("\\.")[1] : feature);
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
