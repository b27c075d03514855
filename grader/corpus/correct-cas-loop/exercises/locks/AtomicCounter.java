package exercises.locks;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;

/** Corpus, correct: a hand-written compare-and-set loop that retries where another thread got in first. */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        long seen;
        do {
            seen = count.get();
        } while (!count.compareAndSet(seen, seen + 1));
    }

    @Override
    public long get() {
        return count.get();
    }
}
