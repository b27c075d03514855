package exercises.locks;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;

/** Corpus: an AtomicLong, but guarded by a lock. */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public synchronized void increment() { // BUG (rule): the atomic counter must be lock-free
        count.set(count.get() + 1);
    }

    @Override
    public long get() {
        return count.get();
    }
}
