package lockstep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import lockstep.model.Evidence;
import org.junit.jupiter.api.Test;

/** Evidence crosses the channel as one field and comes back equal; anything else is no evidence. */
class EvidenceCodecTest {

    static final Evidence EVIDENCE = new Evidence("17.0.15+6", 2, List.of(
            new Evidence.Stress("lost updates", false, new Evidence.Budget(200, 200, 5_000),
                    List.of(new Evidence.Runs(1, 200, 0), new Evidence.Runs(16, 41, 41))),
            new Evidence.Stress("money\tcreated\nor destroyed", true, new Evidence.Budget(800, 800, 5_000),
                    List.of())),
            List.of(new Evidence.ModelChecking("SynchronizedCounter lost an update", "Lincheck 3.7", 200, 0, false),
                    new Evidence.ModelChecking("opposite transfers failed", "", 0, 500, true)), 3);

    @Test
    void evidenceRoundTripsWithTabsAndLineBreaksInTextMadeSpaces() {
        Evidence back = EvidenceCodec.decode(EvidenceCodec.encode(Optional.of(EVIDENCE))).orElseThrow();

        assertEquals("money created or destroyed", back.stress().get(1).concept());
        assertEquals(EVIDENCE.stress().get(0), back.stress().get(0));
        assertEquals(EVIDENCE.modelChecks(), back.modelChecks());
        assertEquals(List.of("17.0.15+6", 2, 3), List.of(back.jdk(), back.cores(), back.omitted()));
    }

    @Test
    void noEvidenceIsAnEmptyField() {
        assertEquals("", EvidenceCodec.encode(Optional.empty()));
        assertFalse(EvidenceCodec.decode("").isPresent());
    }

    @Test
    void aFieldThatDoesNotDecodeIsNoEvidence() {
        for (String field : List.of("hello", "evidence\t17\ttwo\t0", "evidence\t17\t2\t0\nstress\t0\t1",
                "evidence\t17\t2\t0\nstress\t0\t200\t200\t5000\t1:200\tlost updates",
                "evidence\t17\t2\t0\nmodel\t0\tmany\t0\tLincheck\tx", "evidence\t17\t2\t0\nwhat\t1")) {
            assertFalse(EvidenceCodec.decode(field).isPresent(), field);
        }
    }
}
