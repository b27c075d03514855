package exercises.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code race}: {@link UnsafeCounter} is broken only under threads; alone it counts right. */
class UnsafeCounterTest {

    @Graded(task = "race", points = 1)
    @DisplayName("UnsafeCounter starts at 0 and counts right on one thread")
    void countsRightOnOneThread() {
        UnsafeCounter counter = new UnsafeCounter();
        assertEquals(0, counter.get(), "a new UnsafeCounter should start at 0");
        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }
        assertEquals(1_000, counter.get(), "after 1000 increments on one thread, get() should return 1000");
    }
}
