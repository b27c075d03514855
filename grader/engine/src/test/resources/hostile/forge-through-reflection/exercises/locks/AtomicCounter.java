package exercises.locks;

import exercises.Counter;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile: reaches for the grader's own listener in the test JVM, which signs the results, to report passes of its
 * own: by name, through reflection and through a private method handle lookup.
 */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    static {
        try {
            Class<?> listener = Class.forName("lockstep.run.ForkedListener");
            Constructor<?> constructor = listener.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            MethodHandles.privateLookupIn(listener, MethodHandles.lookup());
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // blocked: then count honestly
        }
    }

    @Override
    public void increment() {
        count.incrementAndGet();
    }

    @Override
    public long get() {
        return count.get();
    }
}
