package exercises.locks;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/** Test submission: ends the JVM through a method reference. */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        IntConsumer quit = System::exit;
        if (count.incrementAndGet() == 1_000) {
            quit.accept(0);
        }
    }

    @Override
    public long get() {
        return count.get();
    }
}
