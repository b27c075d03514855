package lockstep.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, loading one page from disk per call: with a profile of its own, no network
 * of its own (no sync, component updates or background requests), and its log on standard error, where the page's
 * console messages show up as {@code ...:CONSOLE(line)] "message", source: ...}.
 *
 * <p>Not thread-safe: each call starts and waits for one browser.
 */
final class HeadlessChromium {

    /** How long one page may take to load and render before the browser is killed. */
    static final Duration LIMIT = Duration.ofSeconds(90);

    private final Path work;
    private int runs;

    /** A browser whose profiles and captured output go into {@code work}. */
    HeadlessChromium(Path work) {
        this.work = work;
    }

    /** What one run printed: standard output (the DOM, for {@code --dump-dom}) and the log. */
    record Run(String stdout, String log) {

        /** The page's console messages and uncaught errors; empty for a page that rendered cleanly. */
        List<String> consoleMessages() {
            return log.lines().filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")).toList();
        }
    }

    /** Loads {@code page} and returns the DOM after rendering (serialized by the browser, not the file read back). */
    Run dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    /** Loads {@code page} in a window of {@code width} x {@code height} pixels and saves it as {@code png}. */
    Run screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        return run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toUri().toString()));
    }

    private Run run(List<String> what) throws IOException, InterruptedException {
        int run = ++runs;
        Path profile = Files.createDirectories(work.resolve("profile-" + run));
        Path stdout = work.resolve("stdout-" + run + ".txt");
        Path stderr = work.resolve("stderr-" + run + ".txt");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(what);
        Process browser = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!browser.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            List<ProcessHandle> helpers = browser.descendants().toList();
            browser.destroyForcibly();
            helpers.forEach(ProcessHandle::destroyForcibly);
            browser.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish within " + LIMIT.toSeconds() + " s: " + command + "\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        if (browser.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + browser.exitValue() + ": " + command + "\n" + log);
        }
        return new Run(Files.readString(stdout, StandardCharsets.UTF_8), log);
    }
}
