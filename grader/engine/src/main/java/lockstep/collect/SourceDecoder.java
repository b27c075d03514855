package lockstep.collect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decodes a source file's bytes as strict UTF-8, the encoding the grader compiles with. */
final class SourceDecoder {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SourceDecoder() {
    }

    /**
     * The text of {@code bytes}, or empty where they are not valid UTF-8. A leading byte order mark (some Windows
     * editors write one) is dropped, since javac would reject it as an illegal character.
     */
    static Optional<String> decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
