package exercises.locks;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;

/** Corpus: compareAndSet tried once, its failure ignored. */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        long seen = count.get();
        count.compareAndSet(seen, seen + 1); // BUG: where another thread got in first, this increment is dropped
    }

    @Override
    public long get() {
        return count.get();
    }
}
