package exercises.locks;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;

/** Corpus: an atomic variable used in two steps. */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.set(count.get() + 1); // BUG: two atomic steps are not one; another increment can come in between
    }

    @Override
    public long get() {
        return count.get();
    }
}
