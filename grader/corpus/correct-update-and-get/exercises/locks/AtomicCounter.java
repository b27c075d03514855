package exercises.locks;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;

/** Corpus, correct: AtomicLong.updateAndGet, a compare-and-set loop that retries until its update wins. */
public final class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.updateAndGet(value -> value + 1);
    }

    @Override
    public long get() {
        return count.get();
    }
}
