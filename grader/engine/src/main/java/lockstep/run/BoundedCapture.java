package lockstep.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written to it and counts the rest, so a submission that floods its output
 * costs the grader a bounded amount of memory. Thread-safe.
 */
final class BoundedCapture {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    BoundedCapture(int limit) {
        this.limit = limit;
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.max(0, limit - kept.size());
        int keep = Math.min(room, length);
        kept.write(bytes, offset, keep);
        dropped += length - keep;
    }

    void appendLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Reads {@code in} to its end into this capture. */
    void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the process is gone: what we have is all there is
        }
    }

    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text
                : text + "\n[output truncated: " + dropped + " more bytes were dropped (limit " + limit + " bytes)]";
    }
}
