package lockstep.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first bytes written to it and the last ones, {@code limit} in all, and counts what it drops in between,
 * so a submission that floods its output costs the grader a bounded amount of memory. The end is kept because that is
 * where a dying JVM says why ({@code Terminating due to java.lang.OutOfMemoryError}) after any flood. Thread-safe.
 */
final class BoundedCapture {

    private final int limit;
    private final int headLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailStart; // where the oldest kept byte of the tail is, once the ring is full
    private int tailSize;
    private long dropped;

    BoundedCapture(int limit) {
        this.limit = limit;
        this.tail = new byte[limit / 4];
        this.headLimit = limit - tail.length;
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        int keep = Math.min(Math.max(0, headLimit - head.size()), length);
        head.write(bytes, offset, keep);
        for (int i = offset + keep; i < offset + length; i++) {
            if (tail.length == 0) {
                dropped++;
            } else if (tailSize < tail.length) {
                tail[(tailStart + tailSize++) % tail.length] = bytes[i];
            } else {
                tail[tailStart] = bytes[i];
                tailStart = (tailStart + 1) % tail.length;
                dropped++;
            }
        }
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

    /**
     * The kept text: all of it where nothing was dropped; else the beginning, a note of how much was dropped, and the
     * end from its first whole line on.
     */
    synchronized String text() {
        byte[] end = new byte[tailSize];
        for (int i = 0; i < tailSize; i++) {
            end[i] = tail[(tailStart + i) % tail.length];
        }
        String start = head.toString(StandardCharsets.UTF_8);
        if (dropped == 0) {
            return start + new String(end, StandardCharsets.UTF_8);
        }
        int skipped = 0;
        while (skipped < end.length && end[skipped] != '\n') {
            skipped++;
        }
        skipped = skipped < end.length ? skipped + 1 : 0; // no line break at all: keep the end of the one line
        String last = new String(end, skipped, end.length - skipped, StandardCharsets.UTF_8);
        return start + "\n[output truncated: " + (dropped + skipped) + " more bytes were dropped (limit " + limit
                + " bytes); the last lines follow]\n" + last;
    }
}
