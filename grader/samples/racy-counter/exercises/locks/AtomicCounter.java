package exercises.locks;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;

/** Sample: an atomic variable used non-atomically (read, then write). */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.set(count.get() + 1);
    }

    @Override
    public long get() {
        return count.get();
    }
}
