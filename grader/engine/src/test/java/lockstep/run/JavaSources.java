package lockstep.run;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small Java sources for tests: a suite's test classes or a submission's classes. */
public final class JavaSources {

    private JavaSources() {
    }

    /** Compiles {@code sources} (path like {@code exercises/Foo.java} to text) into {@code out}. */
    public static Path compile(Map<String, String> sources, Path out, List<Path> classpath) throws IOException {
        Path src = Files.createTempDirectory("lockstep-src");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString()));
        if (!classpath.isEmpty()) {
            args.add("-cp");
            args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, true), args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("test sources do not compile:\n" + errors);
        }
        return out;
    }

    /** The class path test suites compile against: the runner's own libraries. */
    public static List<Path> runnerClasspath() {
        return RunnerClasspath.entries();
    }
}
