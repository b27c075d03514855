package lockstep.run;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticated channel from the test JVM to the grader. Each message is one line,
 * {@code LOCKSTEP <seq> <hmac> <type> <base64 fields...>}, signed with HMAC-SHA256 under a per-run secret that the
 * grader hands the test JVM on its standard input before any student code loads. A line that is not signed with that
 * secret, or that arrives out of sequence, is not a result: student code cannot print its way to a pass.
 *
 * <p>One instance per direction and run; {@link #encode} is synchronized because listeners may report from several
 * threads, {@link #decode} is called by one reader thread.
 */
final class ResultChannel {

    static final String PREFIX = "LOCKSTEP ";

    private final Mac mac;
    private long nextSeq;

    ResultChannel(byte[] secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** A fresh random secret, hex-encoded for the test JVM's standard input. */
    static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    static ResultChannel forSecret(String hex) {
        return new ResultChannel(HexFormat.of().parseHex(hex.strip()));
    }

    /** The signed line for {@code message}, without a line separator. */
    synchronized String encode(ChannelMessage message) {
        StringBuilder body = new StringBuilder(message.type());
        for (String field : message.fields()) {
            body.append(' ').append(Base64.getEncoder().encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        long seq = nextSeq++;
        return PREFIX + seq + " " + sign(seq, body.toString()) + " " + body;
    }

    /** The message a line carries if it is signed with this channel's secret and in sequence; empty otherwise. */
    Optional<ChannelMessage> decode(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        long seq;
        try {
            seq = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = sign(seq, parts[2]).getBytes(StandardCharsets.US_ASCII);
        if (seq != nextSeq || !MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        nextSeq++;
        String[] body = parts[2].split(" ");
        List<String> fields = new ArrayList<>();
        try {
            for (int i = 1; i < body.length; i++) {
                fields.add(new String(Base64.getDecoder().decode(body[i]), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new ChannelMessage(body[0], fields));
    }

    private String sign(long seq, String body) {
        synchronized (mac) {
            byte[] tag = mac.doFinal((seq + " " + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(tag);
        }
    }
}
