package lockstep.hidden.race;

import static lockstep.hidden.Checks.check;
import static lockstep.hidden.HiddenLimits.CALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import exercises.race.RaceDemo;
import exercises.race.UnsafeCounter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import lockstep.api.Graded;
import lockstep.stress.Watchdog;
import org.junit.jupiter.api.DisplayName;

/** Task {@code race}: {@link UnsafeCounter} is the broken counter of the story, broken on purpose. */
class UnsafeCounterHiddenTest {

    /** How often {@code RaceDemo.run} counts with one thread: each call must return the exact count. */
    private static final int SINGLE_THREAD_RUNS = 5;

    @Graded(task = "race", points = 3)
    @DisplayName("UnsafeCounter counts right on one thread, and loses updates under run with 8 and 16 threads")
    void countsRightAloneAndLosesUpdatesTogether() throws Exception {
        UnsafeCounter alone = new UnsafeCounter();
        for (int i = 0; i < 10_000; i++) {
            alone.increment();
        }
        assertEquals(10_000, alone.get(), "10000 increments of a new UnsafeCounter on one thread gave " + alone.get());
        // A few tries: a run that does not wait for its thread returns short nearly every time, but now and then
        // the thread has finished before run reads the count (seen once in 20 gradings with one try).
        for (int run = 1; run <= SINGLE_THREAD_RUNS; run++) {
            long single = Watchdog.call("RaceDemo.run(new UnsafeCounter(), 1, 100000)", CALL,
                    () -> RaceDemo.run(new UnsafeCounter(), 1, LossProbe.PER_THREAD));
            assertEquals(LossProbe.PER_THREAD, single, "RaceDemo.run(new UnsafeCounter(), 1, 100000) returned "
                    + single + (run > 1 ? " in call " + run : "") + ": one thread alone must count right");
        }

        LossProbe.warmUp();
        LossProbe.Tally tally = LossProbe.untilLoss("new UnsafeCounter()", () -> new UnsafeCounter());
        if (tally.lossy() == 0) {
            LossProbe.Tally canary = LossProbe.requireVisibleRace(tally.runs());
            fail("UnsafeCounter lost no update in " + tally.runs() + " runs of RaceDemo.run(new UnsafeCounter(), 8 or "
                    + "16, " + LossProbe.PER_THREAD + "), although a plain count++ counter lost updates in run "
                    + canary.runs() + " of the same: keep UnsafeCounter unsynchronized (count++ on a plain long)");
        }
    }

    @Graded(task = "race", points = 2)
    @DisplayName("UnsafeCounter uses no synchronization: a plain long field, no volatile, atomic or lock fields, no "
            + "synchronized methods")
    void usesNoSynchronization() {
        List<Field> fields = Arrays.stream(UnsafeCounter.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .toList();
        check(fields.stream().anyMatch(f -> f.getType() == long.class),
                "UnsafeCounter has no long field: keep the count in a plain long field (fields: " + names(fields) + ")");
        for (Field field : fields) {
            check(!Modifier.isVolatile(field.getModifiers()), "UnsafeCounter's field " + field.getName()
                    + " is volatile: the broken counter uses no synchronization of any kind");
            String pkg = field.getType().getPackageName();
            check(!pkg.equals("java.util.concurrent.atomic") && !pkg.equals("java.util.concurrent.locks"),
                    "UnsafeCounter's field " + field.getName() + " is a " + field.getType().getSimpleName()
                            + ": the broken counter uses no atomic variable and no lock");
        }
        for (Method method : UnsafeCounter.class.getDeclaredMethods()) {
            check(!Modifier.isSynchronized(method.getModifiers()), "UnsafeCounter." + method.getName()
                    + " is synchronized: the broken counter uses no synchronization of any kind");
        }
    }

    private static String names(List<Field> fields) {
        return fields.isEmpty() ? "none"
                : String.join(", ", fields.stream().map(f -> f.getType().getSimpleName() + " " + f.getName()).toList());
    }
}
