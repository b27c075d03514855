package lockstep.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lockstep.model.Evidence;
import lockstep.stress.EvidenceLog;
import org.junit.jupiter.api.Test;

/** Model checking on JDK 17-24; on newer JDKs, a clear statement that it is off. */
class ModelCheckTest {

    /** The broken counter of the story. */
    static final class Racy {
        private long count;

        void increment() {
            count++;
        }

        long get() {
            return count;
        }
    }

    /** The fixed one. */
    static final class Safe {
        private long count;

        synchronized void increment() {
            count++;
        }

        synchronized long get() {
            return count;
        }
    }

    private static void twoIncrements(Runnable first, Runnable second) {
        Thread a = new Thread(first);
        Thread b = new Thread(second);
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLostUpdateIsShownWithTheInterleavingThatLosesIt() {
        if (!ModelCheck.available()) {
            assertTrue(ModelCheck.why().contains("stress tests alone"), ModelCheck.why());
            assertThrows(IllegalStateException.class, () -> ModelCheck.check("lost update", 10, () -> { }));
            return;
        }
        AssertionError failure = assertThrows(AssertionError.class, () -> ModelCheck.check("lost update", 1000, () -> {
            Racy counter = new Racy();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get(), "two increments");
        }));
        String message = failure.getMessage();
        assertTrue(message.startsWith("lost update: two increments"), message);
        assertTrue(message.contains("The following interleaving leads to the error"), message);
        assertTrue(message.contains("count"), message);
        assertTrue(!message.contains("Detailed trace"), message);
    }

    @Test
    void aCorrectCounterPassesEveryInterleaving() {
        if (!ModelCheck.available()) {
            return;
        }
        ModelCheck.check("lost update", 1000, () -> {
            Safe counter = new Safe();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get());
        });
    }

    @Test
    void everyModelCheckIsRecordedWithTheToolTheInterleavingsAndTheVerdict() {
        EvidenceLog.open();
        if (!ModelCheck.available()) {
            assertThrows(IllegalStateException.class, () -> ModelCheck.check("lost update", 10, () -> { }));
            assertFalse(EvidenceLog.close().isPresent(), "a model check that could not run is no evidence");
            return;
        }
        ModelCheck.check("lost update", 50, () -> {
            Safe counter = new Safe();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get());
        });
        assertThrows(AssertionError.class, () -> ModelCheck.check("lost update", 1000, () -> {
            Racy counter = new Racy();
            twoIncrements(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get());
        }));

        assertTrue(ModelCheck.tool().matches("Lincheck \\d+\\.\\d+.*"), "the version from Lincheck's jar: "
                + ModelCheck.tool());
        assertEquals(List.of(new Evidence.ModelChecking("lost update", ModelCheck.tool(), 50, 0, false),
                new Evidence.ModelChecking("lost update", ModelCheck.tool(), 1000, 0, true)),
                EvidenceLog.close().orElseThrow().modelChecks());
    }

    @Test
    void whereModelCheckingIsOffThePlainRunsStandInAndTheEvidenceSaysSo() {
        String before = System.getProperty(ModelCheck.PROPERTY);
        System.setProperty(ModelCheck.PROPERTY, "false");
        int[] runs = new int[1];
        try {
            EvidenceLog.open();
            ModelCheck.checkOrRepeat("lost update", 200, 25, () -> runs[0]++);
            assertThrows(AssertionError.class, () -> ModelCheck.checkOrRepeat("lost update", 200, 25, () -> {
                runs[0]++;
                assertFalse(runs[0] == 30, "the fifth run fails");
            }));
        } finally {
            restore(before);
        }

        assertEquals(List.of(new Evidence.ModelChecking("lost update", "", 0, 25, false),
                new Evidence.ModelChecking("lost update", "", 0, 5, true)),
                EvidenceLog.close().orElseThrow().modelChecks());
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(ModelCheck.PROPERTY);
        } else {
            System.setProperty(ModelCheck.PROPERTY, before);
        }
    }

    @Test
    void theGraderCanSwitchItOff() {
        String before = System.getProperty(ModelCheck.PROPERTY);
        System.setProperty(ModelCheck.PROPERTY, "false");
        try {
            assertTrue(!ModelCheck.available());
            assertTrue(ModelCheck.why().contains("switched off"));
        } finally {
            if (before == null) {
                System.clearProperty(ModelCheck.PROPERTY);
            } else {
                System.setProperty(ModelCheck.PROPERTY, before);
            }
        }
    }
}
