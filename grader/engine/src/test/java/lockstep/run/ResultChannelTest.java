package lockstep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultChannelTest {

    private final String secret = ResultChannel.newSecret();

    @Test
    void aSignedMessageRoundTripsWithItsFields() {
        ResultChannel sender = ResultChannel.forSecret(secret);
        ResultChannel receiver = ResultChannel.forSecret(secret);
        String line = sender.encode(ChannelMessage.of("finished", "a.B#c", "failed", "line 1\nline 2 with spaces"));
        ChannelMessage message = receiver.decode(line).orElseThrow();
        assertEquals("finished", message.type());
        assertEquals(List.of("a.B#c", "failed", "line 1\nline 2 with spaces"), message.fields());
    }

    @Test
    void aMessageSignedWithAnotherSecretIsRejected() {
        String forged = ResultChannel.forSecret(ResultChannel.newSecret()).encode(ChannelMessage.of("done"));
        assertTrue(ResultChannel.forSecret(secret).decode(forged).isEmpty());
    }

    @Test
    void aTamperedOrReplayedLineIsRejected() {
        ResultChannel sender = ResultChannel.forSecret(secret);
        ResultChannel receiver = ResultChannel.forSecret(secret);
        String first = sender.encode(ChannelMessage.of("finished", "k", "failed", ""));
        String tampered = first.replace("finished", "finishes");
        assertTrue(receiver.decode(tampered).isEmpty(), "tampered body accepted");
        assertTrue(receiver.decode(first).isPresent());
        assertTrue(receiver.decode(first).isEmpty(), "replayed line accepted");
    }

    @Test
    void plainOutputIsNotAMessage() {
        ResultChannel receiver = ResultChannel.forSecret(secret);
        assertTrue(receiver.decode("hello").isEmpty());
        assertTrue(receiver.decode("LOCKSTEP 0 zz done").isEmpty());
        assertTrue(receiver.decode("LOCKSTEP x").isEmpty());
    }
}
